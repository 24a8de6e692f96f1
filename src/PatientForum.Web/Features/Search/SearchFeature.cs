using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Search;

public static class SearchFeature
{
    /// <summary>The search engine of the configured database: FTS5 on SQLite, a tsvector on PostgreSQL.</summary>
    public static IServiceCollection AddForumSearch(this IServiceCollection services) =>
        services.AddScoped<ISearchEngine>(sp => ForumDatabase.Provider(sp) switch
        {
            DatabaseProvider.Postgres => ActivatorUtilities.CreateInstance<PostgresSearchEngine>(sp),
            _ => ActivatorUtilities.CreateInstance<SqliteSearchEngine>(sp),
        });
}
