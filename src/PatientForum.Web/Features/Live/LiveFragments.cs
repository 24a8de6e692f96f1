using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Live;

/// <summary>Turns posts and thread rows into the HTML fragments that live updates carry.</summary>
public sealed class LiveFragments(ThreadReader reader, FragmentRenderer renderer)
{
    public const string PostPartial = "/Features/Shared/_Post.cshtml";
    public const string ThreadRowPartial = "/Features/Shared/_ThreadRow.cshtml";

    /// <summary>Renders a post as the public sees it.</summary>
    public async Task<PostFragment> RenderPostAsync(PostView post) =>
        new(post.ThreadId, post.Id, await renderer.RenderAsync(PostPartial, post));

    /// <summary>The replies of a thread saved after <paramref name="afterPostId"/>, as many as <paramref name="limit"/> at a time.</summary>
    public async Task<IReadOnlyList<PostFragment>> PostsAfterAsync(int threadId, int afterPostId, int limit, CancellationToken cancellationToken)
    {
        var posts = await reader.GetPostsAfterAsync(threadId, afterPostId, limit, cancellationToken);
        var result = new List<PostFragment>(posts.Count);
        foreach (var post in posts)
        {
            result.Add(await RenderPostAsync(post));
        }
        return result;
    }

    public async Task<ThreadRowFragment?> ThreadRowAsync(int threadId, CancellationToken cancellationToken)
    {
        var row = await reader.GetThreadRowAsync(threadId, cancellationToken);
        return row is null ? null : await RenderRowAsync(row);
    }

    /// <summary>The rows of a topic's threads active after <paramref name="after"/>, as many as <paramref name="limit"/> at a time.</summary>
    public async Task<ThreadActivityPage> ThreadRowsAfterAsync(string topicSlug, ActivityCursor after, int limit, CancellationToken cancellationToken)
    {
        // One more than a page: whether there are more is known without another query.
        var rows = await reader.GetThreadRowsActiveAfterAsync(topicSlug, after.At, after.ThreadId, limit + 1, cancellationToken);
        var result = new List<ThreadRowFragment>(Math.Min(rows.Count, limit));
        foreach (var row in rows.Take(limit))
        {
            result.Add(await RenderRowAsync(row));
        }
        var last = rows.Count > limit ? rows[limit - 1] : null;
        return new ThreadActivityPage(result, last is null ? null : new ActivityCursor(last.LastActivityAt, last.Id).ToToken());
    }

    private async Task<ThreadRowFragment> RenderRowAsync(ThreadListItem row) =>
        new(row.TopicSlug, row.Id, row.IsPinned, await renderer.RenderAsync(ThreadRowPartial, row));
}
