using PatientForum.Web.Infrastructure.Options;
using StackExchange.Redis;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>
/// Scale-out through Redis. With <c>Forum:Redis</c> set, every instance shares one Redis for live updates (the
/// SignalR backplane, registered by the Live feature), the visitors' page cache and its tag eviction (Caching),
/// presence counts and rate limits. With it empty the in-process implementations serve, exactly as on a single
/// instance, and Redis is never contacted. Each feature makes its choice when its service is first resolved, from
/// <see cref="RedisConnection.IsConfigured"/>, so it follows every configuration source.
/// </summary>
public static class ForumRedis
{
    /// <summary>The shared connection, its outage log, the key names and the shared rate-limit windows.</summary>
    public static IServiceCollection AddForumRedis(this IServiceCollection services)
    {
        services.AddOptions<ForumOptions>().Validate(
            forum => string.IsNullOrWhiteSpace(forum.Redis) || RedisConnection.IsConnectionString(forum.Redis),
            "Forum:Redis is not a StackExchange.Redis connection string (e.g. 127.0.0.1:6379,password=...).");
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IConnectionMultiplexer>(sp => sp.GetRequiredService<RedisConnection>().Multiplexer);
        services.AddSingleton<RedisOutage>();
        services.AddSingleton<RedisKeys>();
        services.AddSingleton<RedisRateLimits>();
        return services;
    }
}
