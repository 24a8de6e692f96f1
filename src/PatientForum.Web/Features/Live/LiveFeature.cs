using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Infrastructure.Metrics;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Features.Live;

/// <summary>Live replies and presence: the hub, the pushes, and (with <c>Forum:Redis</c> set) the Redis backplane.</summary>
public static class LiveFeature
{
    /// <summary>Where pages connect; the layout hands it to live.js, so the path is written only here.</summary>
    public const string HubPath = "/hubs/forum";

    public static IServiceCollection AddForumLive(this IServiceCollection services)
    {
        services.AddSignalR(options =>
        {
            // Clients only send ids; nothing they send is content for others, so messages stay tiny.
            options.MaximumReceiveMessageSize = 4 * 1024;
            options.AddFilter<HubRateLimitFilter>();
        });
        services.AddSingleton<HubRateLimitFilter>();
        services.AddSingleton<PresenceNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceNotifier>());
        services.AddScoped<FragmentRenderer>();
        services.AddScoped<LiveFragments>();
        services.AddScoped<LiveBroadcaster>();
        services.AddScoped<ForumChanges>();
        services.AddScoped<StaffStanding>();
        services.AddScoped<LiveAudience>();
        services.AddSingleton<HiddenThreadEviction>();
        services.AddHostedService(sp => sp.GetRequiredService<HiddenThreadEviction>());
        services.AddScoped<INotificationPush, LiveNotificationPush>();
        services.AddSingleton<LivePushRetry>();
        services.AddHostedService(sp => sp.GetRequiredService<LivePushRetry>());
        AddBackplane(services);
        AddPresence(services);
        return services;
    }

    /// <summary>Refuses handshakes from other sites' pages; before routing, so a refused one costs nothing more.</summary>
    public static IApplicationBuilder UseForumLive(this IApplicationBuilder app) => app.UseHubOriginCheck(HubPath);

    public static IEndpointRouteBuilder MapForumLive(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<ForumHub>(HubPath);
        return endpoints;
    }

    /// <summary>
    /// The SignalR Redis backplane for the forum's one hub; its channels take the prefix from the connection. Live
    /// connections are ended when the link to Redis fails, so their pages catch up (see <see cref="BackplaneLossFilter"/>).
    /// </summary>
    private static void AddBackplane(IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().Configure<RedisConnection>(
            (options, redis) => options.ConnectionFactory = _ => Task.FromResult(redis.Multiplexer));

        // A closed registration wins over AddSignalR's open DefaultHubLifetimeManager<>, whichever is registered first.
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

    private static void AddPresence(IServiceCollection services)
    {
        services.AddSingleton<InMemoryPresenceTracker>();
        services.AddSingleton<ILiveConnectionCount>(sp => sp.GetRequiredService<InMemoryPresenceTracker>());
        services.AddSingleton<RedisPresenceTracker>();
        services.AddSingleton<IPresenceTracker>(sp => UsesRedis(sp)
            ? sp.GetRequiredService<RedisPresenceTracker>()
            : sp.GetRequiredService<InMemoryPresenceTracker>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisPresenceTracker>());
    }

    private static bool UsesRedis(IServiceProvider services) => services.GetRequiredService<RedisConnection>().IsConfigured;
}
