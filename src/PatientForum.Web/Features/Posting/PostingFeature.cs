using Microsoft.AspNetCore.Mvc;

namespace PatientForum.Web.Features.Posting;

public static class PostingFeature
{
    /// <summary>Starting threads, replying and editing, with the new-member limits.</summary>
    public static IServiceCollection AddForumPosting(this IServiceCollection services)
    {
        services.AddScoped<PostingService>();
        services.AddScoped<NewMemberLimits>();
        services.AddScoped<PostingChecks>();
        services.AddScoped<PostHistoryService>();
        services.AddSingleton<PostingRateLimits>();
        // The notice shown once after posting (TempData) rides in a cookie named like the forum's others.
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.Name = "pf_notice");
        return services;
    }
}
