using System.Security.Claims;
using System.Text;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
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

    /// <summary>
    /// Renders a post as <paramref name="reader"/> sees it, for a push that only they receive: a member (their own
    /// group) or staff as a whole (no member id, so no one's own links).
    /// </summary>
    public async Task<PostFragment> RenderPostForAsync(PostView post, Viewer reader) =>
        new(post.ThreadId, post.Id, await renderer.RenderAsync(PostPartial, post, Principal(reader)));

    /// <summary>
    /// The replies of a thread saved after <paramref name="afterPostId"/> as <paramref name="viewer"/> sees them (their
    /// own held posts, and every held post for staff, as on the thread page), as many as <paramref name="limit"/> and at
    /// most <paramref name="maxBytes"/> of HTML at a time (always at least one, so the page gets further with every call).
    /// </summary>
    public async Task<IReadOnlyList<PostFragment>> PostsAfterAsync(
        int threadId, int afterPostId, int limit, int maxBytes, Viewer viewer, CancellationToken cancellationToken)
    {
        var posts = await reader.GetPostsAfterAsync(threadId, afterPostId, limit, viewer, cancellationToken);
        var result = new List<PostFragment>(posts.Count);
        var bytes = 0;
        foreach (var post in posts)
        {
            // As the pushes go: a post the public may read, as they see it; one they may not, as its author or staff see it.
            var ownView = post.State != PostState.Visible && (viewer.IsModerator || (viewer.UserId is not null && viewer.UserId == post.AuthorId));
            var fragment = ownView ? await RenderPostForAsync(post, viewer) : await RenderPostAsync(post);
            bytes += Encoding.UTF8.GetByteCount(fragment.Html);
            if (bytes > maxBytes && result.Count > 0)
            {
                break;
            }
            result.Add(fragment);
        }
        return result;
    }

    /// <summary>The thread's row as topic pages show it, and whether only members' pages may be sent it; null while it is hidden.</summary>
    public async Task<(ThreadRowFragment Row, bool MembersOnly)?> ThreadRowAsync(int threadId, CancellationToken cancellationToken)
    {
        var row = await reader.GetThreadRowAsync(threadId, cancellationToken);
        return row is null ? null : (await RenderRowAsync(row), row.MembersOnly);
    }

    /// <summary>
    /// The rows of a topic's threads active after <paramref name="after"/> that <paramref name="viewer"/> may read, as many as <paramref name="limit"/> and at most
    /// <paramref name="maxBytes"/> of HTML at a time (always at least one).
    /// </summary>
    public async Task<ThreadActivityPage> ThreadRowsAfterAsync(
        string topicSlug, ActivityCursor after, int limit, int maxBytes, Viewer viewer, CancellationToken cancellationToken)
    {
        // One more than a page: whether there are more is known without another query.
        var rows = await reader.GetThreadRowsActiveAfterAsync(topicSlug, after.At, after.ThreadId, limit + 1, viewer, cancellationToken);
        var result = new List<ThreadRowFragment>(Math.Min(rows.Count, limit));
        var bytes = 0;
        foreach (var row in rows.Take(limit))
        {
            var fragment = await RenderRowAsync(row);
            bytes += Encoding.UTF8.GetByteCount(fragment.Html);
            if (bytes > maxBytes && result.Count > 0)
            {
                break;
            }
            result.Add(fragment);
        }
        var last = rows.Count > result.Count ? rows[result.Count - 1] : null;
        return new ThreadActivityPage(result, last is null ? null : new ActivityCursor(last.LastActivityAt, last.Id).ToToken());
    }

    private async Task<ThreadRowFragment> RenderRowAsync(ThreadListItem row) =>
        new(row.TopicSlug, row.Id, row.IsPinned, await renderer.RenderAsync(ThreadRowPartial, row));

    private static ClaimsPrincipal Principal(Viewer reader)
    {
        var identity = new ClaimsIdentity(authenticationType: "live");
        if (reader.UserId is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, reader.UserId));
        }
        if (reader.IsModerator)
        {
            identity.AddClaim(new Claim(ForumClaims.ActiveStaff, "true"));
        }
        return new ClaimsPrincipal(identity);
    }
}
