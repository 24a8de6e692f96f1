using PatientForum.Web.Infrastructure.Redis;
using PatientForum.Web.Infrastructure.Time;
using StackExchange.Redis;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// "N reading now" summed over every instance. Each thread has a sorted set in Redis of the connections reading
/// it, scored by when each entry lapses; every instance renews its own readers' entries while they stay, so the
/// readers of an instance that crashed drop out within <see cref="Lifetime"/>. Redis's clock scores them all,
/// so instances' clocks need not agree. Without Redis the count falls back to this instance's readers.
/// </summary>
public sealed class RedisPresenceTracker(
    InMemoryPresenceTracker local, RedisConnection redis, RedisKeys keys, RedisOutage outage, TimeProvider clock)
    : BackgroundService, IPresenceTracker
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(30);

    private const string Now = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        """;

    // KEYS[1] the thread's set; ARGV[1] the connection, ARGV[2] the lifetime in ms. Returns the readers.
    private const string JoinScript = Now + """
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return redis.call('ZCARD', KEYS[1])
        """;

    private const string CountScript = Now + "return redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf')";

    private readonly long _lifetimeMs = (long)Lifetime.TotalMilliseconds;

    public async ValueTask<int> JoinAsync(string connectionId, int threadId)
    {
        var here = local.Join(connectionId, threadId);
        return await TryAsync(async db => (int)await Join(db, connectionId, threadId), here);
    }

    public async ValueTask<bool> LeaveAsync(string connectionId, int threadId)
    {
        if (!local.Leave(connectionId, threadId))
        {
            return false;
        }
        await TryAsync(async db => await db.SortedSetRemoveAsync(keys.Presence(threadId), connectionId) ? 1 : 0, 0);
        return true;
    }

    public async ValueTask<IReadOnlyList<int>> LeaveAllAsync(string connectionId)
    {
        var threads = local.LeaveAll(connectionId);
        await TryAsync(async db =>
        {
            await Task.WhenAll(threads.Select(threadId => db.SortedSetRemoveAsync(keys.Presence(threadId), connectionId)));
            return 0;
        }, 0);
        return threads;
    }

    public async ValueTask<int> CountAsync(int threadId) =>
        await TryAsync(async db => (int)await db.ScriptEvaluateAsync(CountScript, [keys.Presence(threadId)]), local.Count(threadId));

    /// <summary>Renews this instance's readers, and puts them back after Redis lost them (a restart or an outage).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }
        using var timer = new ClockTimer(RenewInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var readers = local.Readers();
            await TryAsync(async db =>
            {
                await Task.WhenAll(readers.Select(reader => Join(db, reader.ConnectionId, reader.ThreadId)));
                return 0;
            }, 0);
        }
    }

    private async Task<RedisResult> Join(IDatabase db, string connectionId, int threadId) =>
        await db.ScriptEvaluateAsync(JoinScript, [keys.Presence(threadId)], [connectionId, _lifetimeMs]);

    private async Task<int> TryAsync(Func<IDatabase, Task<int>> action, int fallback)
    {
        try
        {
            return await action(redis.Multiplexer.GetDatabase());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Failed("presence", "counting this instance's readers only", ex);
            return fallback;
        }
    }
}
