using Microsoft.AspNetCore.Mvc;

namespace PatientForum.Web.Features.Threads;

/// <summary>Where a post is read: its thread's canonical URL, on the page that shows the post, at the post's anchor.</summary>
public static class PostPermalink
{
    /// <summary>For example /threads/12/knee-rehab?page=3#post-345 (no page for the first).</summary>
    public static async Task<string> PostUrlAsync(
        this IUrlHelper url, ThreadReader reader, int threadId, string threadSlug, int postId, CancellationToken cancellationToken)
    {
        var page = await reader.PageOfPostAsync(threadId, postId, cancellationToken);
        return url.Action(nameof(ThreadsController.Show), "Threads",
            new { id = threadId, slug = threadSlug, page = page == 1 ? (int?)null : page }, null, null, $"post-{postId}")!;
    }
}
