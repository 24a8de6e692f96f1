using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Tells every page about a saved change: first evicts the cached anonymous pages it touches (so the next
/// request is fresh), then pushes it to open pages through <see cref="IHubContext{THub, T}"/>. A failed push
/// is logged and never undoes or fails the save, since pages catch up on reconnect.
/// </summary>
public sealed partial class LiveBroadcaster(
    IHubContext<ForumHub, IForumClient> hub,
    LiveFragments fragments,
    ReviewQueueReader queue,
    PageCache pages,
    ThreadReader threads,
    ILogger<LiveBroadcaster> logger)
{
    public Task PostAddedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(postId, added: true, rowChanged: true, cancellationToken);

    public Task PostUpdatedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(postId, added: false, rowChanged: false, cancellationToken);

    /// <summary>
    /// A post was hidden, restored or removed: open pages get it again as the public sees it now (the
    /// text, or a notice in its place), and topic pages update the thread's row.
    /// </summary>
    public Task PostVisibilityChangedAsync(int postId, CancellationToken cancellationToken) =>
        PostChangedAsync(postId, added: false, rowChanged: true, cancellationToken);

    /// <summary>Tells open moderation pages how many posts wait in the queue.</summary>
    public async Task ModerationQueueChangedAsync(CancellationToken cancellationToken)
    {
        await SafelyAsync(async () =>
        {
            var count = await queue.CountAsync(cancellationToken);
            await hub.Clients.Group(LiveGroups.Moderators).QueueCount(count);
        }, nameof(ModerationQueueChangedAsync));
    }

    /// <summary>A thread was started, renamed or got activity: topic pages update its row.</summary>
    public async Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken)
    {
        await pages.ThreadChangedAsync(threadId, cancellationToken);
        await SafelyAsync(() => ThreadChangedCoreAsync(threadId, cancellationToken), nameof(ThreadChangedAsync));
    }

    /// <summary>Reads the post once: evicts its thread's cached pages, then pushes the post (and the thread's row).</summary>
    private async Task PostChangedAsync(int postId, bool added, bool rowChanged, CancellationToken cancellationToken)
    {
        if (await threads.GetPostAsync(postId, cancellationToken) is not { } post)
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
        }, added ? nameof(PostAddedAsync) : nameof(PostUpdatedAsync));
    }

    private async Task ThreadChangedCoreAsync(int threadId, CancellationToken cancellationToken)
    {
        if (await fragments.ThreadRowAsync(threadId, cancellationToken) is { } row)
        {
            await hub.Clients.Group(LiveGroups.Topic(row.TopicSlug)).ThreadActivity(row);
        }
    }

    private async Task SafelyAsync(Func<Task> push, string what)
    {
        try
        {
            await push();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(what, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push {What} failed: {ErrorType}; pages will catch up on reconnect")]
    private partial void LogPushFailed(string what, string errorType);
}
