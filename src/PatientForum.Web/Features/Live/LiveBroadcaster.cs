using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Tells every page about a saved change: first evicts the cached anonymous pages it touches (so the next
/// request is fresh), then pushes it to open pages through <see cref="IHubContext{THub, T}"/>. A failed push
/// is logged and never undoes or fails the save; one that failed because Redis did not answer is sent again
/// once it does (<see cref="LivePushRetry"/>), and pages that lost their own connection catch up on reconnect.
/// </summary>
public sealed partial class LiveBroadcaster(
    IHubContext<ForumHub, IForumClient> hub,
    LiveFragments fragments,
    ReviewQueueReader queue,
    PageCache pages,
    ThreadReader threads,
    LivePushRetry retry,
    ILogger<LiveBroadcaster> logger)
{
    public Task PostAddedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(new(LivePushKind.PostAdded, postId), cancellationToken);

    public Task PostUpdatedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(new(LivePushKind.PostUpdated, postId), cancellationToken);

    /// <summary>
    /// A post was hidden, restored or removed: open pages get it again as the public sees it now (the
    /// text, or a notice in its place), and topic pages update the thread's row.
    /// </summary>
    public Task PostVisibilityChangedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(new(LivePushKind.PostVisibilityChanged, postId), cancellationToken);

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
    public async Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken)
    {
        await pages.ThreadChangedAsync(threadId, cancellationToken);
        await SafelyAsync(() => ThreadChangedCoreAsync(threadId, cancellationToken), new(LivePushKind.ThreadChanged, threadId));
    }

    /// <summary>Sends a push that failed before, from the current state of what it is about.</summary>
    public Task PushAgainAsync(LivePush push, CancellationToken cancellationToken) => push.Kind switch
    {
        LivePushKind.ThreadChanged => ThreadChangedAsync(push.Id, cancellationToken),
        LivePushKind.ModerationQueueChanged => ModerationQueueChangedAsync(cancellationToken),
        _ => PostChangedAsync(push, cancellationToken),
    };

    /// <summary>Reads the post once: evicts its thread's cached pages, then pushes the post (and the thread's row).</summary>
    private async Task PostChangedAsync(LivePush push, CancellationToken cancellationToken)
    {
        var added = push.Kind == LivePushKind.PostAdded;
        var rowChanged = push.Kind != LivePushKind.PostUpdated;
        if (await threads.GetPostAsync(push.Id, cancellationToken) is not { } post)
        {
            return;
        }
        await pages.ThreadChangedAsync(post.ThreadId, cancellationToken);
        await SafelyAsync(async () =>
        {
            var fragment = await fragments.RenderPostAsync(post);
            var group = hub.Clients.Group(LiveGroups.Thread(post.ThreadId));
            await (added ? group.PostAdded(fragment) : group.PostUpdated(fragment));
            if (rowChanged)
            {
                await ThreadChangedCoreAsync(post.ThreadId, cancellationToken);
            }
        }, push);
    }

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
