using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Sends "N reading now" at most once per interval per thread. Broadcasting on every join would cost
/// N² messages when N readers arrive together (a shared link), so changes are coalesced.
/// </summary>
public sealed partial class PresenceNotifier(
    IHubContext<ForumHub, IForumClient> hub, IPresenceTracker presence, TimeProvider clock, ILogger<PresenceNotifier> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<int, byte> _changed = new();

    /// <summary>Notes that a thread's reader count changed; the count is sent with the next batch.</summary>
    public void Changed(int threadId) => _changed.TryAdd(threadId, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new ClockTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var threadId in _changed.Keys)
            {
                _changed.TryRemove(threadId, out _);
                await SendAsync(threadId);
            }
        }
    }

    // A failed send (the Redis backplane away) must not end this service, which would stop the whole host;
    // readers get a fresh count when they join again.
    private async Task SendAsync(int threadId)
    {
        try
        {
            await hub.Clients.Group(LiveGroups.Thread(threadId)).Presence(threadId, await presence.CountAsync(threadId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(threadId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence for thread {ThreadId} not sent: {ErrorType}")]
    private partial void LogSendFailed(int threadId, string errorType);
}
