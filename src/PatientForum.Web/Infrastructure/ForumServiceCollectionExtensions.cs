using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Data.Seeding;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Contact;
using PatientForum.Web.Infrastructure.Security;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Posting;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Html;
using PatientForum.Web.Infrastructure.Logging;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Infrastructure;

public static class ForumServiceCollectionExtensions
{
    /// <summary>Registers everything the forum needs; Program.cs calls this once.</summary>
    public static WebApplicationBuilder AddForum(this WebApplicationBuilder builder)
    {
        builder.AddForumLogging();
        builder.Services.AddForumOptions();
        builder.Services.AddForumData(builder.Configuration);
        builder.Services.AddForumIdentity();
        builder.Services.AddForumEmail();
        builder.Services.AddForumFeatures();
        builder.Services.AddForumLive();
        builder.Services.AddForumRateLimits();
        builder.Services.AddForumPageCache();
        builder.Services.AddForumStaticAssets();
        builder.Services.AddForumRedis();
        return builder;
    }

    private static void AddForumOptions(this IServiceCollection services)
    {
        services.AddOptions<ForumOptions>().BindConfiguration(ForumOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // With both lists empty the middleware would believe anyone, so no proxy configured means no header read.
            forwarded.ForwardedHeaders = proxy.Value.KnownProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }
        });
        services.AddSingleton(sp => new ForumPaths(
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<IOptions<ForumOptions>>().Value,
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value));
        services.AddSingleton(TimeProvider.System);
    }

    private static void AddForumData(this IServiceCollection services, IConfiguration configuration)
    {
        ForumDatabase.AddForumDatabase(services, configuration);
        services.AddScoped<ForumSeeder>();

        // Keys live in the forum's database, so a cookie or form token made by one app instance is read by every other.
        services.AddDataProtection()
            .SetApplicationName("PatientForum")
            .PersistKeysToDbContext<ForumDbContext>();
    }

    private static void AddForumIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ForumUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // The user name is the email address, and addresses may hold any character.
                options.User.AllowedUserNameCharacters = "";
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<ForumDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<ForumClaimsPrincipalFactory>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ForumOptions>>((options, forum) =>
            {
                // Served over HTTPS (as Forum:PublicUrl says), the cookie is Secure and takes the __Host- prefix,
                // which browsers only accept from this exact host, over HTTPS, for the whole site.
                var https = forum.Value.PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/access-denied";
                options.Cookie.Name = https ? "__Host-pf_auth" : "pf_auth";
                options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
            });

        // Roles and suspensions reach signed-in sessions within a minute of a change.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<IAuthorizationHandler, NotSuspendedHandler>();
        services.AddForumTwoFactor();
        services.AddAuthorizationBuilder()
            .AddPolicy(ForumPolicies.CanPost, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(ForumClaims.EmailConfirmed, "true")
                .AddRequirements(new NotSuspendedRequirement()))
            .AddPolicy(ForumPolicies.CanSubmitPost, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(ForumClaims.EmailConfirmed, "true"))
            // A suspended moderator or admin is refused like anyone else until the suspension ends.
            .AddPolicy(ForumPolicies.Moderator, policy => policy.RequireRole(ForumRoles.Moderator, ForumRoles.Admin)
                .AddRequirements(new StaffTwoFactorRequirement(), new NotSuspendedRequirement()))
            .AddPolicy(ForumPolicies.Admin, policy => policy.RequireRole(ForumRoles.Admin)
                .AddRequirements(new StaffTwoFactorRequirement(), new NotSuspendedRequirement()));
    }

    private static void AddForumEmail(this IServiceCollection services)
    {
        services.AddSingleton<MailSignal>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesPickupDirectory
                ? ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp));
        services.AddHostedService<MailDeliveryWorker>();
    }

    private static void AddForumPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            // The base policy already refuses signed-in requests, requests with an Authorization header and
            // responses that set cookies, so a member's page is never stored or served to anyone else.
            options.AddPolicy(PageCache.Policy, policy => policy
                .AddPolicy<PageTagsPolicy>()
                .SetVaryByQuery("page")
                .Expire(TimeSpan.FromSeconds(60)));
        });
        services.AddSingleton<PageTagsPolicy>();
        services.AddScoped<PageCache>();
    }

    private static void AddForumLive(this IServiceCollection services)
    {
        services.AddSignalR(options =>
        {
            // Clients only send ids; nothing they send is content for others, so messages stay tiny.
            options.MaximumReceiveMessageSize = 4 * 1024;
            options.AddFilter<HubRateLimitFilter>();
        });
        services.AddSingleton<HubRateLimitFilter>();
        services.AddSingleton<IPresenceTracker, InMemoryPresenceTracker>();
        services.AddSingleton<PresenceNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceNotifier>());
        services.AddScoped<FragmentRenderer>();
        services.AddScoped<LiveFragments>();
        services.AddScoped<LiveBroadcaster>();
        services.AddScoped<ForumChanges>();
        services.AddSingleton<LivePushRetry>();
        services.AddHostedService(sp => sp.GetRequiredService<LivePushRetry>());
    }

    private static void AddForumFeatures(this IServiceCollection services)
    {
        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddAntiforgery(options => options.Cookie.Name = "pf_af");
        services.AddSingleton<IPostRenderer, PostRenderer>();
        services.AddScoped<ThreadReader>();
        services.AddScoped<PostingService>();
        services.AddScoped<NewMemberLimits>();
        services.AddScoped<PostingChecks>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<FlagService>();
        services.AddScoped<ModerationService>();
        services.AddScoped<ReviewQueueReader>();
        services.AddScoped<ModeratorMail>();
        services.AddScoped<ContactService>();
        services.AddHostedService<FlagDigestWorker>();
    }
}
