using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>The outcome of saving: the problems by setting key, none when it was saved.</summary>
public sealed record SettingsSaveResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Saved => Errors.Count == 0;
}

/// <summary>Reads and writes the saved settings, and puts them in force on this instance.</summary>
public sealed class SiteSettingsStore(
    ForumDbContext db, DatabaseSettingsSource source, SiteSettingsValidator validator, ModerationService moderation,
    SiteSettingsAnnouncer announcer, SettingValues values, PageCache pages, TimeProvider clock)
{
    private const int DetailsLength = 500;

    /// <summary>Reads the saved settings and puts them in force here (the configuration tells its readers if they changed).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var saved = await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase, cancellationToken);
        source.Provider.Apply(saved.Where(s => SiteSettingCatalog.Find(s.Key) is not null).ToDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Saves the changed settings (a null value resets one to its default) if all of them, together with the ones saved
    /// before, pass the configuration's rules; nothing is saved otherwise. Each change is in the audit log.
    /// </summary>
    public async Task<SettingsSaveResult> SaveAsync(string actorId, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken)
    {
        var rows = await db.SiteSettings.ToDictionaryAsync(s => s.Key, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var proposed = rows.Values.Where(r => SiteSettingCatalog.Find(r.Key) is not null)
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                proposed.Remove(key);
            }
            else
            {
                proposed[key] = value;
            }
        }
        var errors = validator.Validate(proposed);
        if (errors.Count > 0)
        {
            return new SettingsSaveResult(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in changes)
        {
            var row = rows.GetValueOrDefault(key);
            var before = row?.Value;
            if (before == value)
            {
                continue;
            }
            if (value is null)
            {
                db.SiteSettings.Remove(row!);
            }
            else if (row is null)
            {
                db.SiteSettings.Add(new SiteSetting { Key = key, Value = value, UpdatedAt = now, UpdatedById = actorId });
            }
            else
            {
                (row.Value, row.UpdatedAt, row.UpdatedById) = (value, now, actorId);
            }
            var setting = SiteSettingCatalog.Find(key)!;
            moderation.Audit(ModerationKind.ChangeSetting, actorId, null, null, null, null,
                Details(key, before ?? values.Current(setting) + " (default)", value ?? values.Default(setting) + " (default)"));
        }
        await db.SaveChangesAsync(cancellationToken);

        // Saved by now: this instance, the others and the cached pages (which show the forum's name) follow to the end
        // even if the admin's browser stops waiting.
        await LoadAsync(CancellationToken.None);
        await announcer.AnnounceAsync();
        await pages.EverythingChangedAsync(CancellationToken.None);
        return new SettingsSaveResult(new Dictionary<string, string>());
    }

    /// <summary>"key: old → new", each value on one line (a list's items between bars); none of these settings is a secret.</summary>
    private static string Details(string key, string before, string after)
    {
        static string Shown(string value) => ForumText.Line(value.Replace('\n', '|'));
        var details = $"{key}: {Shown(before)} → {Shown(after)}";
        return details.Length <= DetailsLength ? details : details[..(DetailsLength - 1)] + "…";
    }
}
