using PatientForum.Web.Features.Threads;
using PatientForum.Web.Features.Treatments;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Makes a saved change seen: first evicts the cached anonymous pages it touches, then pushes it to open pages
/// (<see cref="LiveBroadcaster"/>). In that order, so a reader who reloads after a push gets the new page, never a
/// cached copy from before the change. A push that failed because Redis did not answer comes back here through
/// <see cref="LivePushRetry"/>, and is made again the same way from the current state.
/// </summary>
public sealed class ForumChanges(PageCache pages, LiveBroadcaster live, ThreadReader threads, TreatmentAggregator treatments)
{
    /// <summary>A reply was saved; <paramref name="post"/> is what was saved, pushed as it is.</summary>
    public async Task PostAddedAsync(PostView post, CancellationToken cancellationToken)
    {
        await EvictThreadPagesAsync(post.ThreadId, cancellationToken);
        await live.PostAddedAsync(post, cancellationToken);
    }

    /// <summary>A post held for review was approved: open pages add it as if it had just been posted.</summary>
    public Task PostPublishedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(new(LivePushKind.PostAdded, postId), cancellationToken);

    /// <summary>A post's text was edited.</summary>
    public Task PostUpdatedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(new(LivePushKind.PostUpdated, postId), cancellationToken);

    /// <summary>A post was hidden, restored or removed.</summary>
    public Task PostVisibilityChangedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(new(LivePushKind.PostVisibilityChanged, postId), cancellationToken);

    /// <summary>Members reacted to a post or took a reaction back: visitors' cached pages show the counts too.</summary>
    public Task ReactionsChangedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(new(LivePushKind.ReactionsChanged, postId), cancellationToken);

    /// <summary>A thread was started, renamed, moved, locked or pinned, or got activity.</summary>
    public async Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken)
    {
        // Hidden, restored, removed or its author gone: the treatment charts count visible stories only.
        await treatments.ThreadChangedAsync(threadId, cancellationToken);
        await EvictThreadPagesAsync(threadId, cancellationToken);
        await live.ThreadChangedAsync(threadId, cancellationToken);
    }

    /// <summary>
    /// Who may read the thread changed: its cached pages and every list are evicted (a visitor's cached copy must not
    /// outlive a switch to members-only), topic pages get its row, and once it is members-only its open pages that may
    /// not read it stop hearing of it.
    /// </summary>
    public async Task ThreadAudienceChangedAsync(int threadId, bool membersOnly, CancellationToken cancellationToken)
    {
        await treatments.ThreadChangedAsync(threadId, cancellationToken);
        await EvictThreadPagesAsync(threadId, cancellationToken);
        if (membersOnly)
        {
            await live.ThreadClosedToPublicAsync(threadId);
        }
        await live.ThreadChangedAsync(threadId, cancellationToken);
    }

    /// <summary>The review queue changed; no cached page shows it.</summary>
    public Task ModerationQueueChangedAsync(CancellationToken cancellationToken) => live.ModerationQueueChangedAsync(cancellationToken);

    /// <summary>Makes a change whose push failed again, from the current state of what it is about, so it is never stale.</summary>
    public Task PushAgainAsync(LivePush push, CancellationToken cancellationToken) => push.Kind switch
    {
        LivePushKind.ThreadChanged => ThreadChangedAsync(push.Id, cancellationToken),
        LivePushKind.ModerationQueueChanged => ModerationQueueChangedAsync(cancellationToken),
        _ => PostChangedAsync(push, cancellationToken),
    };

    /// <summary>Reads the post as it is now, evicts its thread's cached pages, then pushes it.</summary>
    private async Task PostChangedAsync(LivePush push, CancellationToken cancellationToken)
    {
        if (await threads.GetPostAsync(push.Id, cancellationToken) is not { } post)
        {
            return;
        }
        if (push.Kind == LivePushKind.PostVisibilityChanged)
        {
            // An opening post hidden, restored or removed takes its thread's treatment record in or out of the charts.
            await treatments.ThreadChangedAsync(post.ThreadId, cancellationToken);
        }
        await (push.Kind == LivePushKind.ReactionsChanged
            ? pages.ThreadPagesChangedAsync(post.ThreadId, cancellationToken)
            : EvictThreadPagesAsync(post.ThreadId, cancellationToken));
        await (push.Kind switch
        {
            LivePushKind.PostAdded => live.PostAddedAsync(post, cancellationToken),
            LivePushKind.PostUpdated => live.PostUpdatedAsync(post, cancellationToken),
            LivePushKind.ReactionsChanged => live.ReactionsChangedAsync(post, cancellationToken),
            _ => live.PostVisibilityChangedAsync(post, cancellationToken),
        });
    }

    /// <summary>Evicts the thread's cached pages and every list that shows it.</summary>
    private Task EvictThreadPagesAsync(int threadId, CancellationToken cancellationToken) =>
        pages.ThreadChangedAsync(threadId, cancellationToken);
}
