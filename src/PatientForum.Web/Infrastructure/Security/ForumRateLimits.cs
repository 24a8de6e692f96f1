using PatientForum.Web.Features.Accounts;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Contact;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Infrastructure.Security;

/// <summary>
/// The forum's rate limits, on ASP.NET Core's limiter: per member for posting (staff exempt), per IP for
/// signing in and for the contact page. Over a limit the answer is 429 with Retry-After, and browsers get
/// the friendly error page. With Forum:Redis set the windows are counted in Redis, shared by every instance.
/// </summary>
public static class ForumRateLimits
{
    public const string Reply = "reply";
    public const string Thread = "thread";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddForumRateLimits(this IServiceCollection services)
    {
        services.AddForumOptions<RateLimitOptions>(RateLimitOptions.SectionName);
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
            options.AddPolicy(Reply, http => PerMember(http, Reply, o => o.ReplySeconds));
            options.AddPolicy(Thread, http => PerMember(http, Thread, o => o.ThreadSeconds));
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

    private static RateLimitPartition<string> PerMember(HttpContext http, string policy, Func<RateLimitOptions, int> seconds)
    {
        var limits = Limits(http);
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!limits.Enabled || userId is null || Viewer.IsStaff(http.User))
        {
            return RateLimitPartition.GetNoLimiter("exempt");
        }
        return FixedWindow(http, policy, userId, 1, TimeSpan.FromSeconds(seconds(limits)));
    }

    /// <summary>
    /// A fixed window counted in this process or, with Forum:Redis set, in Redis, so that several instances
    /// enforce one limit between them.
    /// </summary>
    private static RateLimitPartition<string> FixedWindow(HttpContext http, string policy, string partition, int permits, TimeSpan window)
    {
        var shared = http.RequestServices.GetRequiredService<RedisRateLimits>();
        return !shared.IsEnabled
            ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
            })
            : RateLimitPartition.Get(partition, key => shared.FixedWindow(policy, key, permits, window));
    }

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
