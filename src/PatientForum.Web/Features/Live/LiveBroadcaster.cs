using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;
using StackExchange.Redis;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Pushes a saved change to open pages through <see cref="IHubContext{THub, T}"/>; <see cref="ForumChanges"/> evicts
/// the cached pages first. A failed push is logged and never undoes or fails the save; one that failed because
/// Redis did not answer is made again once it does (<see cref="LivePushRetry"/>), and pages that lost their own
/// connection catch up on reconnect.
/// <para>
/// Who may read a push is decided when it is sent, not when a page joined: a post's text reaches the thread's group
/// (everyone who joined it, or for a members-only thread its members' group, see <see cref="LiveGroups"/>) only while
/// the thread and the post are visible. Otherwise it goes only to the members
/// with staff privileges now and to the one member who may read it too, each through SignalR's own per-member
/// addressing; pages ignore pushes for threads they do not show.
/// </para>
/// </summary>
public sealed partial class LiveBroadcaster(
    IHubContext<ForumHub, IForumClient> hub,
    LiveFragments fragments,
    LiveAudience audience,
    HiddenThreadEviction eviction,
    IReviewQueueCount queue,
    LivePushRetry retry,
    ILogger<LiveBroadcaster> logger)
{
    /// <summary>A reply was posted: open pages of its thread add it, and topic pages update the thread's row.</summary>
    public Task PostAddedAsync(PostView post, CancellationToken cancellationToken) =>
        PostChangedAsync(post, LivePushKind.PostAdded, cancellationToken);

    public Task PostUpdatedAsync(PostView post, CancellationToken cancellationToken) =>
        PostChangedAsync(post, LivePushKind.PostUpdated, cancellationToken);

    /// <summary>
    /// A post was hidden, restored or removed: open pages get it again as the public sees it now (the
    /// text, or a notice in its place), and topic pages update the thread's row.
    /// </summary>
    public Task PostVisibilityChangedAsync(PostView post, CancellationToken cancellationToken) =>
        PostChangedAsync(post, LivePushKind.PostVisibilityChanged, cancellationToken);

    /// <summary>Tells the open pages of the members with staff privileges now how many posts wait in the queue.</summary>
    public async Task ModerationQueueChangedAsync(CancellationToken cancellationToken)
    {
        await SafelyAsync(async () =>
        {
            var count = await queue.CountAsync(cancellationToken);
            await hub.Clients.Users(await audience.StaffIdsAsync(cancellationToken)).QueueCount(count);
        }, new(LivePushKind.ModerationQueueChanged, 0));
    }

    /// <summary>A thread was started, renamed or got activity: topic pages update its row.</summary>
    public Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken) =>
        SafelyAsync(() => ThreadChangedCoreAsync(threadId, cancellationToken), new(LivePushKind.ThreadChanged, threadId));

    /// <summary>
    /// The thread became members-only: every page is taken out of its public group, on every instance, and joins
    /// again, which only those who read members-only threads may (<see cref="HiddenThreadEviction"/>). Pushes already
    /// go to its members' group alone; this stops presence reaching the others too.
    /// </summary>
    public Task ThreadClosedToPublicAsync(int threadId) =>
        SafelyAsync(() => eviction.ThreadHiddenAsync(threadId), new(LivePushKind.ThreadChanged, threadId));

    /// <summary>
    /// A post's reactions changed: the thread's open pages get its counts. Never for a hidden post or a post in a hidden
    /// thread, whose existence reaches only staff and its author; their pages show the counts on the next load.
    /// </summary>
    public Task ReactionsChangedAsync(PostView post, CancellationToken cancellationToken) =>
        SafelyAsync(async () =>
        {
            if (post.State != PostState.Visible || await audience.ThreadAsync(post.ThreadId, cancellationToken) is not { IsHidden: false } thread)
            {
                return;
            }
            var counts = (post.Reactions ?? PostReactionsView.None).BySlug();
            await hub.Clients.Group(LiveGroups.ThreadFor(post.ThreadId, thread.MembersOnly))
                .ReactionsChanged(new ReactionCountsFragment(post.ThreadId, post.Id, counts));
        }, new(LivePushKind.ReactionsChanged, post.Id));

    /// <summary>Pushes the post to those who may read it (and, unless only its text changed, the thread's row).</summary>
    private Task PostChangedAsync(PostView post, LivePushKind kind, CancellationToken cancellationToken) =>
        SafelyAsync(async () =>
        {
            if (await audience.ThreadAsync(post.ThreadId, cancellationToken) is not { } thread)
            {
                return;
            }
            var textIsPublic = !thread.IsHidden && post.State == PostState.Visible;

            // A post just hidden is pushed to the public as they see it now, a notice in place of the text, which is
            // all its fragment holds; an edit of a hidden post changes nothing they see, so they are sent nothing. A
            // post held for review, or hidden before it was ever published, is not there for them at all: no notice.
            var publicNotice = kind == LivePushKind.PostVisibilityChanged && post.State is not (PostState.Visible or PostState.Held) && !post.NeverPublished;
            if (textIsPublic || (publicNotice && (post.IsOpening || !thread.IsHidden)))
            {
                await SendAsync(hub.Clients.Group(LiveGroups.ThreadFor(post.ThreadId, thread.MembersOnly)), await fragments.RenderPostAsync(post), kind);
            }
            if (!textIsPublic)
            {
                await SendToReadersAsync(post, thread, kind, cancellationToken);
            }
            if (thread.IsHidden && kind == LivePushKind.PostVisibilityChanged)
            {
                await eviction.ThreadHiddenAsync(post.ThreadId);
            }
            if (kind != LivePushKind.PostUpdated)
            {
                await ThreadChangedCoreAsync(post.ThreadId, cancellationToken);
            }
        }, new(kind, post.Id));

    /// <summary>
    /// A post the public may not read goes to staff, rendered for staff as a whole, and to the one member who may read
    /// it besides: the thread's author while the thread is hidden, else the post's author. Each is sent it as they see it.
    /// </summary>
    private async Task SendToReadersAsync(PostView post, ThreadStanding thread, LivePushKind kind, CancellationToken cancellationToken)
    {
        var staffIds = await audience.StaffIdsAsync(cancellationToken);
        if (staffIds.Count > 0)
        {
            await SendAsync(hub.Clients.Users(staffIds), await fragments.RenderPostForAsync(post, new Viewer(null, IsModerator: true)), kind);
        }
        var memberId = thread.IsHidden ? thread.AuthorId : post.AuthorId;
        if (!staffIds.Contains(memberId))
        {
            await SendAsync(hub.Clients.User(memberId), await fragments.RenderPostForAsync(post, new Viewer(memberId, IsModerator: false)), kind);
        }
    }

    private static Task SendAsync(IForumClient clients, PostFragment fragment, LivePushKind kind) =>
        kind == LivePushKind.PostAdded ? clients.PostAdded(fragment) : clients.PostUpdated(fragment);

    private async Task ThreadChangedCoreAsync(int threadId, CancellationToken cancellationToken)
    {
        if (await fragments.ThreadRowAsync(threadId, cancellationToken) is { } row)
        {
            // A members-only thread's row goes only to the pages of those who read it.
            await hub.Clients.Group(LiveGroups.TopicFor(row.Row.TopicSlug, row.MembersOnly)).ThreadActivity(row.Row);
        }
    }

    private async Task SafelyAsync(Func<Task> send, LivePush push)
    {
        try
        {
            await send();
        }
        catch (RedisException ex)
        {
            retry.Add(push);
            LogPushDeferred(push.Kind, ex.GetType().Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(push.Kind, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push {Kind} failed: {ErrorType}; it is sent again once Redis answers")]
    private partial void LogPushDeferred(LivePushKind kind, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push {Kind} failed: {ErrorType}; pages will catch up on reconnect")]
    private partial void LogPushFailed(LivePushKind kind, string errorType);
}
