using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Web.Infrastructure.Metrics;

public static class MetricsRegistration
{
    /// <summary>
    /// The forum's meter (<see cref="ForumMetrics"/>) and what feeds it. Registered whether or not metrics are on: with
    /// nothing listening, raising a counter costs nothing, and the save counter skips its work.
    /// </summary>
    public static IServiceCollection AddForumMetrics(this IServiceCollection services)
    {
        services.AddSingleton<OutboxCounts>();
        services.AddSingleton<ForumMetrics>();
        services.AddSingleton<SavedEntityCounter>();
        services.ConfigureDbContext<SqliteForumDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<SavedEntityCounter>()));
        services.ConfigureDbContext<PostgresForumDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<SavedEntityCounter>()));
        return services;
    }
}
