using PatientForum.Web.Data;
using PatientForum.Web.Features.AccountDeletion;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Aliases;
using PatientForum.Web.Features.Contact;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.DataExport;
using PatientForum.Web.Features.Feeds;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.MembersOnly;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Operations;
using PatientForum.Web.Features.Posting;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Features.Reactions;
using PatientForum.Web.Features.Safety;
using PatientForum.Web.Features.Search;
using PatientForum.Web.Features.Settings;
using PatientForum.Web.Features.SiteSettings;
using PatientForum.Web.Features.Theme;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Features.Treatments;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Html;
using PatientForum.Web.Infrastructure.Logging;
using PatientForum.Web.Infrastructure.Metrics;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Redis;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web;

public static class ForumServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the forum needs; Program.cs calls this once. Each line is one part, registered next to its
    /// code, and the order does not matter: every choice between implementations is made when a service is resolved.
    /// </summary>
    public static WebApplicationBuilder AddForum(this WebApplicationBuilder builder)
    {
        builder.AddForumLogging();
        var services = builder.Services;

        // Shared infrastructure.
        services.AddForumCoreOptions();
        services.AddForumData(builder.Configuration);
        services.AddForumRedis();
        services.AddForumEmail();
        services.AddForumHtml();
        services.AddForumMetrics();
        services.AddForumPageCache();
        services.AddForumRateLimits();
        services.AddForumAllowedHosts();
        services.AddForumStaticAssets();
        services.AddForumMvc();

        // Features.
        services.AddForumAccounts();
        services.AddForumThreads();
        services.AddForumMembersOnly();
        services.AddForumAliases();
        services.AddForumPosting();
        services.AddForumLive();
        services.AddForumModeration();
        services.AddForumContact();
        services.AddForumSearch();
        services.AddForumNotifications();
        services.AddForumProfiles();
        services.AddForumReactions();
        services.AddForumAccountDeletion();
        services.AddForumDataExport();
        services.AddForumSettings();
        services.AddForumContentWarnings();
        services.AddForumTheme();
        services.AddForumSafety();
        services.AddForumOperations();
        services.AddForumFeeds();
        services.AddForumTreatments();
        services.AddForumSiteSettings(builder.Configuration);
        return builder;
    }
}
