using PatientForum.Web.Features.Live;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>
/// Makes a deletion seen once it is saved: cached pages evicted and open pages told, as a moderator's hide is
/// (<see cref="ForumChanges"/>), and readers of a thread that is gone taken out of its live group.
/// </summary>
public sealed class RemovalBroadcast(ForumChanges changes, PageCache pages, HiddenThreadEviction eviction)
{
    /// <summary>Posts whose text or state changed, threads that are gone, and posts whose reaction counts fell.</summary>
    public async Task SeenAsync(
        IEnumerable<int> changedPostIds, IEnumerable<int> removedThreadIds, IEnumerable<int> otherThreadIds, CancellationToken cancellationToken)
    {
        foreach (var postId in changedPostIds.Distinct())
        {
            await changes.PostVisibilityChangedAsync(postId, cancellationToken);
        }
        foreach (var threadId in removedThreadIds.Concat(otherThreadIds).Distinct())
        {
            await changes.ThreadChangedAsync(threadId, cancellationToken);
        }
        foreach (var threadId in removedThreadIds.Distinct())
        {
            await eviction.ThreadHiddenAsync(threadId);
        }
    }

    /// <summary>Every cached page that shows the member's posts, which now show another name or none.</summary>
    public Task MemberChangedAsync(string memberId, CancellationToken cancellationToken) => pages.MemberChangedAsync(memberId, cancellationToken);
}
