using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientForum.Web.Infrastructure.Metrics;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Infrastructure.Caching;

public static class PageCacheRegistration
{
    /// <summary>
    /// The visitors' page cache: kept in this process, or in Redis (made fail-open) when <c>Forum:Redis</c> is set, so
    /// every instance serves and evicts the same pages. The store is chosen when it is first resolved; either way its
    /// hits and misses are counted for the metrics.
    /// </summary>
    public static IServiceCollection AddForumPageCache(this IServiceCollection services)
    {
        // Both stores are internal to ASP.NET Core, so their registrations are taken from scratch collections and the
        // forum's own IOutputCacheStore chooses between them; nothing depends on the order of registration calls.
        var inMemory = StoreRegisteredBy(scratch => scratch.AddOutputCache());
        var inRedis = StoreRegisteredBy(scratch => scratch.AddStackExchangeRedisOutputCache(_ => { }));

        services.AddOutputCache(options =>
        {
            // The base policy already refuses signed-in requests, requests with an Authorization header and
            // responses that set cookies, so a member's page is never stored or served to anyone else.
            options.AddPolicy(PageCache.Policy, policy => policy
                .AddPolicy<PageTagsPolicy>()
                .SetVaryByQuery("page")
                .Expire(TimeSpan.FromSeconds(60)));
            // Only the home page reads "topic": on the other pages it would store one copy per made-up value.
            options.AddPolicy(PageCache.HomePolicy, policy => policy
                .AddPolicy<PageTagsPolicy>()
                .SetVaryByQuery("page", "topic")
                .Expire(TimeSpan.FromSeconds(60)));
        });
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection, RedisKeys>((options, redis, keys) =>
        {
            // Its own connection: the store closes the one it holds when it is disposed.
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.ConnectOwn());
            options.InstanceName = keys.PageCachePrefix;
        });
        services.Replace(ServiceDescriptor.Singleton<IOutputCacheStore>(sp => new CountingOutputCacheStore(
            sp.GetRequiredService<RedisConnection>().IsConfigured
                ? new FailOpenOutputCacheStore(Create(sp, inRedis), sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<RedisOutage>())
                : Create(sp, inMemory),
            sp.GetRequiredService<ForumMetrics>())));
        services.AddSingleton<PageTagsPolicy>();
        services.AddScoped<PageCache>();
        return services;
    }

    private static ServiceDescriptor StoreRegisteredBy(Action<IServiceCollection> register)
    {
        var scratch = new ServiceCollection();
        register(scratch);
        return scratch.Single(d => d.ServiceType == typeof(IOutputCacheStore));
    }

    private static IOutputCacheStore Create(IServiceProvider services, ServiceDescriptor registered) =>
        (IOutputCacheStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
