using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Infrastructure.Security;

/// <summary>
/// The forum's rate limiter, on ASP.NET Core's: over a limit the answer is 429 with Retry-After, and browsers get the
/// friendly error page. Each feature adds its own policies next to its code (<see cref="AddFixedWindowPolicy"/>):
/// sign-in per IP, the contact page per IP; posting keeps its own per-member limits so a refused post shows its form
/// again. With Forum:Redis set the windows are counted in Redis, shared by every instance.
/// </summary>
public static class ForumRateLimits
{
    public static IServiceCollection AddForumRateLimits(this IServiceCollection services)
    {
        services.AddForumOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddSingleton<MemberRateWindows>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// A named fixed-window policy per client address: <paramref name="limit"/> says how many requests each window
    /// allows and how long it lasts, or null for no limit (limits switched off).
    /// </summary>
    public static IServiceCollection AddFixedWindowPolicy(
        this IServiceCollection services, string policy, Func<IServiceProvider, (int Permits, TimeSpan Window)?> limit) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(policy, http =>
            limit(http.RequestServices) is { } window
                ? FixedWindow(http, policy, ClientAddress(http), window.Permits, window.Window)
                : RateLimitPartition.GetNoLimiter("off")));

    /// <summary>The limiter behind one partition of a fixed-window policy: in this process, or in Redis when it is configured.</summary>
    public static RateLimiter FixedWindowLimiter(RedisRateLimits shared, string policy, string partition, int permits, TimeSpan window) =>
        shared.IsEnabled
            ? shared.FixedWindow(policy, partition, permits, window)
            : new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });

    /// <summary>
    /// A fixed window counted in this process or, with Forum:Redis set, in Redis, so that several instances
    /// enforce one limit between them.
    /// </summary>
    private static RateLimitPartition<string> FixedWindow(HttpContext http, string policy, string partition, int permits, TimeSpan window)
    {
        var shared = http.RequestServices.GetRequiredService<RedisRateLimits>();
        return RateLimitPartition.Get(partition, key => FixedWindowLimiter(shared, policy, key, permits, window));
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
