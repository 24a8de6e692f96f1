using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>
/// Content warnings on posts (chosen by the author or a moderator, shown collapsed), the member's reading setting, and
/// the rules of moderators' notes. It imports no other feature, so every feature may use it; the moderators' actions
/// on warnings and notes live in Moderation.
/// </summary>
public static class ContentWarningsFeature
{
    public static IServiceCollection AddForumContentWarnings(this IServiceCollection services)
    {
        services.AddForumOptions<ContentWarningOptions>(ContentWarningOptions.SectionName);
        services.AddSingleton<ContentWarningCatalog>();
        services.AddScoped<ContentWarningPreferences>();
        return services;
    }
}
