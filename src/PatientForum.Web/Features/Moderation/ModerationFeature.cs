using PatientForum.Web.Features.Live;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Moderation;

public static class ModerationFeature
{
    /// <summary>Flags, the review queue, moderators' actions with their audit log, and the moderators' digest mail.</summary>
    public static IServiceCollection AddForumModeration(this IServiceCollection services)
    {
        services.AddForumOptions<ModerationOptions>(ModerationOptions.SectionName);
        services.AddScoped<FlagService>();
        services.AddScoped<ModerationService>();
        services.AddScoped<ContentWarningModeration>();
        services.AddScoped<ModeratorNotes>();
        services.AddScoped<ReviewQueueReader>();
        services.AddScoped<IReviewQueueCount>(sp => sp.GetRequiredService<ReviewQueueReader>());
        services.AddScoped<ModeratorMail>();
        services.AddHostedService<FlagDigestWorker>();
        return services;
    }
}
