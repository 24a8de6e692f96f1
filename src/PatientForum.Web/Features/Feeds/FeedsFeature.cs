using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Feeds;

public static class FeedsFeature
{
    /// <summary>RSS and Atom feeds, sitemaps and robots.txt: what feed readers and search engines read.</summary>
    public static IServiceCollection AddForumFeeds(this IServiceCollection services)
    {
        services.AddForumOptions<FeedOptions>(FeedOptions.SectionName);
        services.AddScoped<FeedReader>();
        services.AddScoped<SitemapReader>();
        return services;
    }
}
