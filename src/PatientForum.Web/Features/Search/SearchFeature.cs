using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Search;

public static class SearchFeature
{
    /// <summary>
    /// The search engine of the configured database (FTS5 on SQLite, a tsvector on PostgreSQL), its time limit, and
    /// the per-address limit on searches (off with Forum:RateLimits:Enabled=false).
    /// </summary>
    public static IServiceCollection AddForumSearch(this IServiceCollection services)
    {
        services.AddForumOptions<SearchOptions>(SearchOptions.SectionName);
        services.AddFixedWindowPolicy(SearchController.RateLimitPolicy, sp => sp.GetRequiredService<IOptions<RateLimitOptions>>().Value is { Enabled: true } limits
            ? (limits.SearchesPerMinute, TimeSpan.FromMinutes(1))
            : null);
        return services.AddScoped<ISearchEngine>(sp => ForumDatabase.Provider(sp) switch
        {
            DatabaseProvider.Postgres => ActivatorUtilities.CreateInstance<PostgresSearchEngine>(sp),
            _ => ActivatorUtilities.CreateInstance<SqliteSearchEngine>(sp),
        });
    }
}
