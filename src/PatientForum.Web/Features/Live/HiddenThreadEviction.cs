using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Infrastructure.Redis;
using StackExchange.Redis;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Takes every reader out of a thread's live groups once the public may no longer read the thread (hidden, or made
/// members-only), on every instance,
/// and tells their pages (<see cref="IForumClient.ThreadGone"/>), which join again: staff and the thread's author are
/// let back in, since the join checks who may read it, and everyone else is refused. Pushes already leave the public
/// group out while a thread is hidden (<see cref="LiveBroadcaster"/>); this keeps the group itself to those who may
/// read, so that presence and typing stop reaching the others too.
/// <para>
/// A SignalR group is changed where the connection is: with the Redis backplane a removal for a connection on another
/// instance waits for that instance's answer, and none comes for a connection that has gone. So the instances are told
/// through a Redis channel, and each removes its own readers, which its presence bookkeeping lists.
/// </para>
/// </summary>
public sealed partial class HiddenThreadEviction(
    IHubContext<ForumHub, IForumClient> hub,
    InMemoryPresenceTracker local,
    IPresenceTracker presence,
    PresenceNotifier presenceNotifier,
    RedisConnection redis,
    ILogger<HiddenThreadEviction> logger)
    : IHostedService
{
    private static readonly RedisChannel s_channel = RedisChannel.Literal("live:thread-hidden");

    /// <summary>The thread became unreadable to the public: its readers leave its group on every instance.</summary>
    public async Task ThreadHiddenAsync(int threadId)
    {
        if (redis.IsConfigured)
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(s_channel, threadId);
        }
        else
        {
            await EvictHereAsync(threadId);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }
        try
        {
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(s_channel, (channel, message) => _ = OnMessageAsync(message));
        }
        catch (RedisException ex)
        {
            // Pushes still leave the public out while a thread is hidden; only the group's upkeep is missing.
            LogNotSubscribed(ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnMessageAsync(RedisValue message)
    {
        try
        {
            if (int.TryParse(message.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var threadId))
            {
                await EvictHereAsync(threadId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEvictionFailed(ex.GetType().Name);
        }
    }

    private async Task EvictHereAsync(int threadId)
    {
        var group = LiveGroups.Thread(threadId);
        var readers = local.Readers().Where(r => r.ThreadId == threadId).Select(r => r.ConnectionId).ToList();
        if (readers.Count == 0)
        {
            return;
        }
        foreach (var connectionId in readers)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, group);
            await hub.Groups.RemoveFromGroupAsync(connectionId, LiveGroups.MembersThread(threadId));
            await presence.LeaveAsync(connectionId, threadId);
        }
        await hub.Clients.Clients(readers).ThreadGone(threadId);
        presenceNotifier.Changed(threadId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not subscribed to hidden-thread notices: {ErrorType}")]
    private partial void LogNotSubscribed(string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readers of a hidden thread not removed from its live group: {ErrorType}")]
    private partial void LogEvictionFailed(string errorType);
}
