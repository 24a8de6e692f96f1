using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Infrastructure.Options;
using StackExchange.Redis;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>
/// Scale-out through Redis. With <c>Forum:Redis</c> set, every instance shares one Redis for live updates (the
/// SignalR backplane), the visitors' page cache and its tag eviction, presence counts and rate limits. With it
/// empty the in-process implementations serve, exactly as on a single instance, and Redis is never contacted.
/// The choice is made when each service is first resolved, from the bound <see cref="ForumOptions"/>, so it
/// follows every configuration source (like Forum:Database:Provider does).
/// </summary>
public static class ForumRedis
{
    /// <summary>Call after the in-process registrations it chooses between (live updates, page cache).</summary>
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
        AddBackplane(services);
        AddPageCacheStore(services);
        AddPresence(services);
        return services;
    }

    private static bool UsesRedis(IServiceProvider services) => services.GetRequiredService<RedisConnection>().IsConfigured;

    /// <summary>
    /// The SignalR Redis backplane for the forum's one hub; its channels take the prefix from the connection. Live
    /// connections are ended when the link to Redis fails, so their pages catch up (see <see cref="BackplaneLossFilter"/>).
    /// </summary>
    private static void AddBackplane(IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().Configure<RedisConnection>(
            (options, redis) => options.ConnectionFactory = _ => Task.FromResult(redis.Multiplexer));

        // A closed registration wins over AddSignalR's open DefaultHubLifetimeManager<>.
        services.AddSingleton<HubLifetimeManager<ForumHub>>(sp => UsesRedis(sp)
            ? ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<ForumHub>>(sp)
            : ActivatorUtilities.CreateInstance<DefaultHubLifetimeManager<ForumHub>>(sp));

        services.AddSingleton<BackplaneLossFilter>();
        services.AddOptions<HubOptions>().Configure<RedisConnection>((options, redis) =>
        {
            if (redis.IsConfigured)
            {
                options.AddFilter<BackplaneLossFilter>();
            }
        });
    }

    /// <summary>The Redis output-cache store (made fail-open) in place of AddOutputCache's in-memory one.</summary>
    private static void AddPageCacheStore(IServiceCollection services)
    {
        var inMemory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection, RedisKeys>((options, redis, keys) =>
        {
            // Its own connection: the store closes the one it holds when it is disposed.
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.ConnectOwn());
            options.InstanceName = keys.PageCachePrefix;
        });
        var inRedis = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp => UsesRedis(sp)
            ? new FailOpenOutputCacheStore(Create(sp, inRedis), sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<RedisOutage>())
            : Create(sp, inMemory));
    }

    private static void AddPresence(IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryPresenceTracker>();
        services.AddSingleton<RedisPresenceTracker>();
        services.AddSingleton<IPresenceTracker>(sp => UsesRedis(sp)
            ? sp.GetRequiredService<RedisPresenceTracker>()
            : sp.GetRequiredService<InMemoryPresenceTracker>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisPresenceTracker>());
    }

    private static IOutputCacheStore Create(IServiceProvider services, ServiceDescriptor registered) =>
        (IOutputCacheStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}

/// <summary>Names every Redis key the forum uses, each starting with <c>Forum:RedisPrefix</c>.</summary>
public sealed class RedisKeys(IOptions<ForumOptions> forum)
{
    private readonly string _prefix = forum.Value.RedisPrefix + ":";

    public string PageCachePrefix => _prefix + "pages:";

    public RedisKey Presence(int threadId) => $"{_prefix}presence:{threadId}";

    public RedisKey RateLimit(string policy, string partition) => $"{_prefix}rate:{policy}:{partition}";
}
