namespace PatientForum.Web.Features.Threads;

/// <summary>Where a post is read: its thread's canonical URL, on the page that shows the post, at the post's anchor.</summary>
public static class PostPermalink
{
    /// <summary>For example /threads/12/knee-rehab?page=3#post-345 (no page for the first).</summary>
    public static async Task<string> PostUrlAsync(this ThreadReader reader, int threadId, string threadSlug, int postId, CancellationToken cancellationToken) =>
        ForumUrls.PostOnPage(threadId, threadSlug, await reader.PageOfPostAsync(threadId, postId, cancellationToken), postId);
}
