using System.Globalization;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>
/// The configuration layer that holds the settings admins saved in the database. It is added after the files,
/// environment variables and command line, so a saved setting wins over all of them; it starts empty and is filled
/// from the database once the forum has migrated it (<see cref="SiteSettingsSync"/>).
/// </summary>
public sealed class DatabaseSettingsSource(IConfigurationRoot root) : IConfigurationSource
{
    public DatabaseSettingsProvider Provider { get; } = new(root);

    // One provider for the source's life: the forum fills this one, whatever asks the source to build.
    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}

/// <summary>The saved settings as configuration keys; every reader of <c>IOptionsMonitor</c> sees a change at once.</summary>
public sealed class DatabaseSettingsProvider(IConfigurationRoot root) : ConfigurationProvider
{
    private Dictionary<string, string> _overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The saved settings, by key, as stored (a list's items one a line).</summary>
    public IReadOnlyDictionary<string, string> Overrides => _overrides;

    /// <summary>Puts the saved settings in place of the ones held, and tells configuration's readers when they differ.</summary>
    public void Apply(IReadOnlyDictionary<string, string> overrides)
    {
        if (overrides.Count == _overrides.Count && overrides.All(o => _overrides.TryGetValue(o.Key, out var held) && held == o.Value))
        {
            return;
        }
        Data = Flatten(overrides);
        _overrides = new Dictionary<string, string>(overrides, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }

    /// <summary>
    /// The configuration keys for saved settings. A list takes the place of the whole list below it: a layer cannot
    /// remove keys of the layers under it, so the items it lacks are written blank, and the options leave blanks out.
    /// </summary>
    public Dictionary<string, string?> Flatten(IReadOnlyDictionary<string, string> overrides)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            if (SiteSettingCatalog.Find(key) is not { Kind: SettingKind.Lines })
            {
                data[key] = value;
                continue;
            }
            var items = SiteSettingCatalog.Lines(value);
            var count = Math.Max(items.Count, DefaultList(key).Count);
            for (var i = 0; i < count; i++)
            {
                data[$"{key}:{i.ToString(CultureInfo.InvariantCulture)}"] = i < items.Count ? items[i] : "";
            }
        }
        return data;
    }

    /// <summary>The value the configuration below this layer gives a key: what "reset to default" brings back.</summary>
    public string? Default(string key)
    {
        foreach (var provider in Below())
        {
            if (provider.TryGet(key, out var value))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>The items the configuration below this layer gives a list key, in order.</summary>
    public IReadOnlyList<string> DefaultList(string key)
    {
        var indexes = Below().SelectMany(p => p.GetChildKeys([], key)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i >= 0).Order();
        return indexes.Select(i => Default($"{key}:{i.ToString(CultureInfo.InvariantCulture)}"))
            .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
    }

    /// <summary>The other layers, the last added first, as configuration reads them.</summary>
    private IEnumerable<IConfigurationProvider> Below() => root.Providers.Reverse().Where(p => !ReferenceEquals(p, this));
}
