using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.SiteSettings;

public static class SiteSettingsFeature
{
    /// <summary>
    /// The admins' settings page and the configuration layer it fills. The layer is added here, after the files,
    /// environment variables and command line, so a saved setting overrides them; the files stay the defaults.
    /// </summary>
    public static IServiceCollection AddForumSiteSettings(this IServiceCollection services, ConfigurationManager configuration)
    {
        var source = new DatabaseSettingsSource(configuration);
        ((IConfigurationBuilder)configuration).Add(source);
        services.AddSingleton(source);
        services.AddForumOptions<SiteSettingsOptions>(SiteSettingsOptions.SectionName);

        // A saved list hides the configuration's longer list under blank items (see DatabaseSettingsProvider.Flatten).
        services.PostConfigure<ModerationOptions>(moderation =>
        {
            moderation.CrisisResources = [.. moderation.CrisisResources.Where(line => !string.IsNullOrWhiteSpace(line))];
            moderation.ModeratorEmails = [.. moderation.ModeratorEmails.Where(address => !string.IsNullOrWhiteSpace(address))];
        });
        services.AddSingleton<SiteSettingsValidator>();
        services.AddSingleton<SiteSettingsAnnouncer>();
        services.AddScoped<SiteSettingsStore>();
        services.AddSingleton<SettingValues>();
        services.AddSingleton<SiteSettingsSync>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteSettingsSync>());
        return services;
    }
}
