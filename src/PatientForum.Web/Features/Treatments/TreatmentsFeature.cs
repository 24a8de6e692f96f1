using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Treatments;

public static class TreatmentsFeature
{
    /// <summary>Treatment records on threads, their precounted charts and the treatment pages.</summary>
    public static IServiceCollection AddForumTreatments(this IServiceCollection services)
    {
        services.AddForumOptions<TreatmentOptions>(TreatmentOptions.SectionName);
        services.AddScoped<TreatmentFormReader>();
        services.AddScoped<TreatmentAggregator>();
        services.AddScoped<TreatmentRecords>();
        services.AddScoped<TreatmentPages>();
        services.AddScoped<OtherTreatmentMapping>();
        services.AddScoped<FollowUpPrompts>();
        services.AddScoped<FollowUpMail>();
        services.AddSingleton<FollowUpPrompter>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpPrompter>());
        services.AddSingleton<TreatmentTallyRepair>();
        services.AddHostedService(sp => sp.GetRequiredService<TreatmentTallyRepair>());

        // As the forum's page policy (anonymous visitors only, evicted by tag), varying by the area filter too.
        services.Configure<OutputCacheOptions>(options => options.AddPolicy(TreatmentsController.CachePolicy, policy => policy
            .AddPolicy<PageTagsPolicy>()
            .SetVaryByQuery("area", "page")
            .Expire(TimeSpan.FromSeconds(60))));
        return services;
    }
}
