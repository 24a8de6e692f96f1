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
        return row is null
            ? null
            : new ThreadRowFragment(row.TopicSlug, threadId, row.IsPinned, await renderer.RenderAsync(ThreadRowPartial, row));
    }
}
