using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>What each setting is now and what it would be reset to, written as the form writes it.</summary>
public sealed class SettingValues(
    DatabaseSettingsSource source, IOptionsMonitor<ForumOptions> forum, IOptionsMonitor<ModerationOptions> moderation,
    IOptionsMonitor<RateLimitOptions> limits)
{
    /// <summary>The value in force on this instance (the options as their readers see them).</summary>
    public string Current(SiteSettingDefinition setting) => Written(setting, InForce(setting));

    /// <summary>The value without the saved setting: the configuration's, or the options class's own default.</summary>
    public string Default(SiteSettingDefinition setting)
    {
        if (setting.Kind == SettingKind.Lines)
        {
            var list = source.Provider.DefaultList(setting.Key);
            return list.Count > 0 ? string.Join('\n', list) : Written(setting, Property(setting, Fresh(setting)));
        }
        return source.Provider.Default(setting.Key) ?? Written(setting, Property(setting, Fresh(setting)));
    }

    public bool IsSaved(SiteSettingDefinition setting) => source.Provider.Overrides.ContainsKey(setting.Key);

    private object? InForce(SiteSettingDefinition setting) => Property(setting, OptionsFor(setting));

    private object OptionsFor(SiteSettingDefinition setting) => setting.Key.Split(':')[1] switch
    {
        "Moderation" => moderation.CurrentValue,
        "RateLimits" => limits.CurrentValue,
        _ => forum.CurrentValue,
    };

    private object Fresh(SiteSettingDefinition setting) => Activator.CreateInstance(OptionsFor(setting).GetType())!;

    private static object? Property(SiteSettingDefinition setting, object options) =>
        options.GetType().GetProperty(setting.Property)!.GetValue(options);

    private static string Written(SiteSettingDefinition setting, object? value) => value switch
    {
        null => "",
        string text => text,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items when setting.Kind == SettingKind.Lines => string.Join('\n', items.Cast<object>()),
        _ => value.ToString() ?? "",
    };
}
