using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Contact;
using PatientForum.Web.Features.Posting;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Infrastructure.Security;

/// <summary>
/// The forum's rate limits, on ASP.NET Core's limiter: per IP for signing in and for the contact page, as
/// middleware policies (over a limit the answer is 429 with Retry-After, and browsers get the friendly error page),
/// and per member for posting, which <see cref="PostingRateLimits"/> keeps so that a refused post shows its form
/// again. With Forum:Redis set the windows are counted in Redis, shared by every instance.
/// </summary>
public static class ForumRateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddForumRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PostingRateLimits>();
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
            options.AddPolicy(SignIn, http =>
            {
                var limits = Limits(http);
                return limits.Enabled
                    ? FixedWindow(http, SignIn, ClientAddress(http), limits.SignInsPerMinute, TimeSpan.FromMinutes(1))
                    : RateLimitPartition.GetNoLimiter("off");
            });
            options.AddPolicy(ContactController.RateLimitPolicy, http =>
            {
                var perHour = http.RequestServices.GetRequiredService<IOptions<ContactOptions>>().Value.PerHourPerIp;
                return FixedWindow(http, ContactController.RateLimitPolicy, ClientAddress(http), perHour, TimeSpan.FromHours(1));
            });
        });
        return services;
    }

    /// <summary>
    /// A fixed window counted in this process or, with Forum:Redis set, in Redis, so that several instances
    /// enforce one limit between them.
    /// </summary>
    private static RateLimitPartition<string> FixedWindow(HttpContext http, string policy, string partition, int permits, TimeSpan window)
    {
        var shared = http.RequestServices.GetRequiredService<RedisRateLimits>();
        return RateLimitPartition.Get(partition, key => FixedWindowLimiter(shared, policy, key, permits, window));
    }

    /// <summary>The limiter behind one partition of a fixed-window policy: in this process, or in Redis when it is configured.</summary>
    public static RateLimiter FixedWindowLimiter(RedisRateLimits shared, string policy, string partition, int permits, TimeSpan window) =>
        shared.IsEnabled
            ? shared.FixedWindow(policy, partition, permits, window)
            : new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
