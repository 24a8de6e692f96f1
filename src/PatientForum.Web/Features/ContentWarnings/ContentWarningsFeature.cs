using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>
/// Content warnings on posts (chosen by the author or a moderator, shown collapsed), the member's reading setting,
/// and moderators' notes on posts.
/// </summary>
public static class ContentWarningsFeature
{
    public static IServiceCollection AddForumContentWarnings(this IServiceCollection services)
    {
        services.AddForumOptions<ContentWarningOptions>(ContentWarningOptions.SectionName);
        services.AddSingleton<ContentWarningCatalog>();
        services.AddScoped<ContentWarningPreferences>();
        services.AddScoped<ContentWarningModeration>();
        services.AddScoped<ModeratorNotes>();
        return services;
    }
}
