using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>
/// Checks settings an admin wants to save by the rules start-up applies to configuration: the configuration as it would
/// be is bound to each options class, put through the forum's post-configure steps and then every validator registered
/// for it (the data annotations and <c>IValidatableObject</c>), so no rule is written twice.
/// </summary>
public sealed partial class SiteSettingsValidator(IConfiguration configuration, DatabaseSettingsSource source, IServiceProvider services)
{
    /// <summary>The problems with <paramref name="overrides"/> (all saved settings as they would be), by setting key.</summary>
    public IReadOnlyDictionary<string, string> Validate(IReadOnlyDictionary<string, string> overrides)
    {
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            if (SiteSettingCatalog.Find(key) is { Kind: SettingKind.Number } number
                && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                errors[key] = $"{number.Label} must be a whole number.";
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var candidate = Candidate(overrides);
        Check<ForumOptions>(candidate, ForumOptions.SectionName, errors);
        Check<ModerationOptions>(candidate, ModerationOptions.SectionName, errors);
        Check<RateLimitOptions>(candidate, RateLimitOptions.SectionName, errors);
        return errors;
    }

    /// <summary>
    /// The configuration with the proposed settings on top. A setting being reset gets its default back on top too, as
    /// the saved layer still holds the value it replaces.
    /// </summary>
    private IConfigurationRoot Candidate(IReadOnlyDictionary<string, string> overrides)
    {
        var proposed = new Dictionary<string, string>(overrides, StringComparer.OrdinalIgnoreCase);
        foreach (var key in source.Provider.Overrides.Keys.Where(k => !overrides.ContainsKey(k)))
        {
            if (SiteSettingCatalog.Find(key) is { Kind: SettingKind.Lines })
            {
                proposed[key] = string.Join('\n', source.Provider.DefaultList(key));
            }
            else if (source.Provider.Default(key) is { } value)
            {
                proposed[key] = value;
            }
        }
        return new ConfigurationBuilder()
            .AddConfiguration(configuration, shouldDisposeConfiguration: false)
            .AddInMemoryCollection(source.Provider.Flatten(proposed))
            .Build();
    }

    private void Check<TOptions>(IConfiguration candidate, string sectionName, Dictionary<string, string> errors)
        where TOptions : class, new()
    {
        var options = new TOptions();
        candidate.GetSection(sectionName).Bind(options);
        foreach (var step in services.GetServices<IPostConfigureOptions<TOptions>>())
        {
            step.PostConfigure(Options.DefaultName, options);
        }
        var failures = services.GetServices<IValidateOptions<TOptions>>()
            .Select(v => v.Validate(Options.DefaultName, options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? []);
        foreach (var failure in failures)
        {
            var message = ErrorText().Match(failure) is { Success: true } match ? match.Groups[1].Value : failure;
            var setting = SiteSettingCatalog.All.FirstOrDefault(d => d.Key.StartsWith(sectionName + ":", StringComparison.Ordinal)
                && (failure.Contains(d.Key, StringComparison.Ordinal) || failure.Contains($"members: '{d.Property}'", StringComparison.Ordinal)));

            // A rule on a key the page does not show (a configuration file already wrong) is still a reason not to save.
            errors.TryAdd(setting?.Key ?? sectionName, setting is null ? message : InWords(message, setting));
        }
    }

    /// <summary>The message with the setting's label where configuration's would name its key (and a list item's line).</summary>
    private static string InWords(string message, SiteSettingDefinition setting) =>
        Regex.Replace(message, Regex.Escape(setting.Key) + "(?::([0-9]+))?", m => m.Groups[1].Success
            ? $"{setting.Label}, line {(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)},"
            : setting.Label, RegexOptions.None, TimeSpan.FromSeconds(1));

    // DataAnnotationValidateOptions wraps each message: "... members: 'X' with the error: 'message'."
    [GeneratedRegex("with the error: '(.*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex ErrorText();
}
