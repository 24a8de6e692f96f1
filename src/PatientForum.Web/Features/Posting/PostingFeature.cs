using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Posting;

public static class PostingFeature
{
    /// <summary>
    /// A composer saves at most one draft per 1.5 s of typing; this bounds a client address well above that, for
    /// several members or tabs behind one address, and well below what would load the database.
    /// </summary>
    private const int DraftSavesPerMinute = 120;

    /// <summary>The composer checks for personal information at most once per pause in typing; the same bound as drafts.</summary>
    private const int SafetyChecksPerMinute = 120;

    /// <summary>
    /// Starting threads, replying and editing, with the new-member limits; who may read a thread (its audience); members'
    /// drafts and their cleanup.
    /// </summary>
    public static IServiceCollection AddForumPosting(this IServiceCollection services)
    {
        services.AddScoped<PostingService>();
        services.AddScoped<NewMemberLimits>();
        services.AddScoped<PostingChecks>();
        services.AddScoped<PostingSafety>();
        services.AddScoped<QuotedWarnings>();
        services.AddScoped<PostHistoryService>();
        services.AddScoped<ThreadAudienceService>();
        services.AddSingleton<PostingRateLimits>();
        // The notice shown once after posting (TempData) rides in a cookie named like the forum's others.
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.Name = "pf_notice");

        services.AddForumOptions<DraftOptions>(DraftOptions.SectionName);
        services.AddScoped<DraftStore>();
        services.AddSingleton<DraftCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftCleanup>());
        services.AddFixedWindowPolicy(DraftsController.RateLimitPolicy, sp => sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled
            ? (DraftSavesPerMinute, TimeSpan.FromMinutes(1))
            : null);
        services.AddFixedWindowPolicy(ComposerSafetyController.RateLimitPolicy, sp => sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled
            ? (SafetyChecksPerMinute, TimeSpan.FromMinutes(1))
            : null);
        return services;
    }
}
