using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Features.Threads;
using StackExchange.Redis;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Pushes a saved change to open pages through <see cref="IHubContext{THub, T}"/>; <see cref="ForumChanges"/> evicts
/// the cached pages first. A failed push is logged and never undoes or fails the save; one that failed because
/// Redis did not answer is made again once it does (<see cref="LivePushRetry"/>), and pages that lost their own
/// connection catch up on reconnect.
/// </summary>
public sealed partial class LiveBroadcaster(
    IHubContext<ForumHub, IForumClient> hub,
    LiveFragments fragments,
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

    /// <summary>Tells open moderation pages how many posts wait in the queue.</summary>
    public async Task ModerationQueueChangedAsync(CancellationToken cancellationToken)
    {
        await SafelyAsync(async () =>
        {
            var count = await queue.CountAsync(cancellationToken);
            await hub.Clients.Group(LiveGroups.Moderators).QueueCount(count);
        }, new(LivePushKind.ModerationQueueChanged, 0));
    }

    /// <summary>A thread was started, renamed or got activity: topic pages update its row.</summary>
    public Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken) =>
        SafelyAsync(() => ThreadChangedCoreAsync(threadId, cancellationToken), new(LivePushKind.ThreadChanged, threadId));

    /// <summary>Pushes the post (and, unless only its text changed, the thread's row).</summary>
    private Task PostChangedAsync(PostView post, LivePushKind kind, CancellationToken cancellationToken) =>
        SafelyAsync(async () =>
        {
            var fragment = await fragments.RenderPostAsync(post);
            var group = hub.Clients.Group(LiveGroups.Thread(post.ThreadId));
            await (kind == LivePushKind.PostAdded ? group.PostAdded(fragment) : group.PostUpdated(fragment));
            if (kind != LivePushKind.PostUpdated)
            {
                await ThreadChangedCoreAsync(post.ThreadId, cancellationToken);
            }
        }, new(kind, post.Id));

    private async Task ThreadChangedCoreAsync(int threadId, CancellationToken cancellationToken)
    {
        if (await fragments.ThreadRowAsync(threadId, cancellationToken) is { } row)
        {
            await hub.Clients.Group(LiveGroups.Topic(row.TopicSlug)).ThreadActivity(row);
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
