using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Features.Operations;

/// <summary>
/// <c>/healthz</c>, liveness: the process answers, nothing else is asked. <c>/healthz/ready</c>, readiness: the
/// database answers a query, Redis answers a ping (when <c>Forum:Redis</c> is set), and the mail outbox is moving.
/// Both answer 200 or 503, are never cached, and are left out of rate limits and (<see cref="QuietProbes"/>) request logging.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/healthz/ready";

    private const string ReadyTag = "ready";
    private const string RedisCheck = "redis";

    /// <summary>A check still running after this long counts as failed, so a probe gets its answer in time.</summary>
    private static readonly TimeSpan s_checkTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddForumHealth(this IServiceCollection services)
    {
        services.AddForumOptions<HealthOptions>(HealthOptions.SectionName);
        services.AddHealthChecks()
            .AddDbContextCheck<ForumDbContext>("database", tags: [ReadyTag], customTestQuery: AnswersAsync)
            // The forum's own connection: the check adds none, and sees what the forum sees.
            .AddRedis(sp => sp.GetRequiredService<RedisConnection>().Multiplexer, RedisCheck, tags: [ReadyTag])
            .AddCheck<OutboxHealthCheck>(OutboxHealthCheck.Name, tags: [ReadyTag]);

        // Which checks apply is known once the configuration is read: Redis only when configured, the outbox unless 0.
        services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<ForumOptions>, IOptions<HealthOptions>>((options, forum, health) =>
        {
            var off = new List<string>();
            if (string.IsNullOrWhiteSpace(forum.Value.Redis))
            {
                off.Add(RedisCheck);
            }
            if (health.Value.OutboxMaxAgeMinutes == 0)
            {
                off.Add(OutboxHealthCheck.Name);
            }
            foreach (var registration in options.Registrations.Where(r => off.Contains(r.Name)).ToList())
            {
                options.Registrations.Remove(registration);
            }
            foreach (var registration in options.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = s_checkTimeout;
            }
        });
        return services;
    }

    /// <summary>
    /// A real read through the schema, whose answer does not matter, only that it comes: EF Core's own test only
    /// "connects", and an SQLite file that cannot be read still does.
    /// </summary>
    private static async Task<bool> AnswersAsync(ForumDbContext db, CancellationToken cancellationToken)
    {
        await db.Topics.AsNoTracking().AnyAsync(cancellationToken);
        return true;
    }

    public static IEndpointRouteBuilder MapForumHealth(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, LivePath, _ => false);
        Map(endpoints, ReadyPath, registration => registration.Tags.Contains(ReadyTag));
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, Func<HealthCheckRegistration, bool> predicate) =>
        endpoints.MapHealthChecks(path, new HealthCheckOptions
        {
            Predicate = predicate,
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            // Cache-Control: no-store, no-cache. No page-cache policy names these endpoints either.
            AllowCachingResponses = false,
        })
        .DisableRateLimiting();
}
