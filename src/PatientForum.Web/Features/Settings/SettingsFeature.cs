using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Settings;

/// <summary>
/// The member's settings hub (<c>/account</c>) and the pages it gathers that belong to no other feature: display
/// name, email address, password and security activity. The recorder of that activity lives in Accounts, beside
/// sign-in, which records too. Pages are attribute-routed controllers, mapped with every other feature's.
/// </summary>
public static class SettingsFeature
{
    public static IServiceCollection AddForumSettings(this IServiceCollection services)
    {
        services.AddForumOptions<SettingsOptions>(SettingsOptions.SectionName);
        services.AddScoped<SettingsMailer>();
        services.AddScoped<NameChanges>();
        services.AddSingleton<SecurityActivityCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<SecurityActivityCleanup>());
        return services;
    }
}
