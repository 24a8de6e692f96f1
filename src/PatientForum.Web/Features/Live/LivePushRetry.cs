using System.Threading.Channels;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Features.Live;

/// <summary>What a failed live push was about; sending it again reads the current state, so a retry is never stale.</summary>
public enum LivePushKind
{
    PostAdded,
    PostUpdated,
    PostVisibilityChanged,
    ThreadChanged,
    ModerationQueueChanged,
    ReactionsChanged,
}

public readonly record struct LivePush(LivePushKind Kind, int Id);

/// <summary>
/// Live pushes this instance could not publish because Redis did not answer, sent again once it does. Without
/// this, a reply posted here while this instance's link was down would never reach pages open on other instances,
/// whose own links stayed up and so never reconnect and catch up. Pages ignore a post they already show, so a
/// push that did get through before is harmless. Bounded: past <see cref="Capacity"/> the oldest are dropped, and
/// those pages see the change when they next reconnect or load.
/// </summary>
public sealed partial class LivePushRetry(IServiceScopeFactory scopes, RedisConnection redis, TimeProvider clock, ILogger<LivePushRetry> logger)
    : BackgroundService
{
    public const int Capacity = 1000;

    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    private readonly Channel<LivePush> _pending = Channel.CreateBounded<LivePush>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Add(LivePush push) => _pending.Writer.TryWrite(push);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            // At most one round a second: a push that fails again comes back through Add for a later round.
            await Task.Delay(s_interval, clock, stoppingToken);
            if (!redis.IsConnected)
            {
                continue;
            }
            // What is queued now, once each; a post pushed three times while Redis was away is sent again once.
            var round = new HashSet<LivePush>();
            for (var queued = _pending.Reader.Count; queued > 0 && _pending.Reader.TryRead(out var push); queued--)
            {
                round.Add(push);
            }
            await using var scope = scopes.CreateAsyncScope();
            var changes = scope.ServiceProvider.GetRequiredService<ForumChanges>();
            foreach (var push in round)
            {
                try
                {
                    await changes.PushAgainAsync(push, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Reading the current state failed (the database, not Redis): that push is given up, never the loop.
                    LogGivenUp(push.Kind, ex.GetType().Name);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push {Kind} could not be sent again: {ErrorType}; pages see the change when they reconnect or load")]
    private partial void LogGivenUp(LivePushKind kind, string errorType);
}
