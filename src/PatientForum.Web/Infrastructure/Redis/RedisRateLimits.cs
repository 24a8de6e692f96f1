using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>
/// Fixed-window rate limits counted in Redis, so instances behind a round-robin proxy enforce one limit between
/// them rather than one each. When Redis cannot be reached a limit lets requests through (and says so in the
/// log) rather than refusing everyone.
/// </summary>
public sealed class RedisRateLimits(RedisConnection redis, RedisKeys keys, RedisOutage outage)
{
    // The first request of a window starts its clock; a key that somehow lost its expiry gets it back.
    private const string CountScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return count
        """;

    /// <summary>True when Forum:Redis is set; otherwise the in-process limiters count.</summary>
    public bool IsEnabled => redis.IsConfigured;

    /// <summary>A limiter for one partition (an address or a member) of one policy.</summary>
    public RateLimiter FixedWindow(string policy, string partition, int permitLimit, TimeSpan window) =>
        new RedisFixedWindowLimiter(this, keys.RateLimit(policy, partition), permitLimit, window);

    /// <summary>
    /// Adds one to a count kept under this policy and partition and returns the new count, or null when Redis could
    /// not be asked; the count is dropped <paramref name="lifetime"/> after its first use. For limits whose windows
    /// the caller names itself (from its own clock) in <paramref name="partition"/>.
    /// </summary>
    public Task<long?> IncrementAsync(string policy, string partition, TimeSpan lifetime) =>
        CountAsync(keys.RateLimit(policy, partition), 1, lifetime);

    /// <summary>Adds to the window's count and returns it, or null when Redis could not be asked.</summary>
    private async Task<long?> CountAsync(RedisKey key, int permits, TimeSpan window)
    {
        try
        {
            var count = await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(
                CountScript, [key], [permits, (long)window.TotalMilliseconds]);
            return (long)count;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Failed("rate limits", "requests are let through unlimited", ex);
            return null;
        }
    }

    private sealed class RedisFixedWindowLimiter(RedisRateLimits limits, RedisKey key, int permitLimit, TimeSpan window) : RateLimiter
    {
        private static readonly RateLimitLease s_acquired = new WindowLease(true, null);
        private static readonly RateLimitLease s_askRedis = new WindowLease(false, null);

        // The same Retry-After as the in-process FixedWindowRateLimiter gives for one permit: one window.
        private readonly RateLimitLease _refused = new WindowLease(false, window);
        private long _lastUsed = Stopwatch.GetTimestamp();

        /// <summary>Lets the partitioned limiter drop limiters of addresses and members gone quiet.</summary>
        public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        // The rate-limiting middleware tries this synchronous path first and, when it is refused, awaits
        // AcquireAsync; refusing here sends every request to the asynchronous path, so no thread blocks on Redis.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? s_acquired : s_askRedis;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            if (permitCount == 0)
            {
                return s_acquired;
            }
            var count = await limits.CountAsync(key, permitCount, window);
            return count is null || count <= permitLimit ? s_acquired : _refused;
        }
    }

    private sealed class WindowLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
