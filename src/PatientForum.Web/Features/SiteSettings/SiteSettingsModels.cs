namespace PatientForum.Web.Features.SiteSettings;

/// <summary>One setting on the page: what is in force (or what the admin typed), the default, and any problem.</summary>
public sealed record SettingField(
    SiteSettingDefinition Definition, string Value, string Default, bool Saved, string? Error);

public sealed record SettingGroup(string Name, IReadOnlyList<SettingField> Fields);

public sealed record SiteSettingsPage(IReadOnlyList<SettingGroup> Groups, string? Message)
{
    public IEnumerable<SettingField> Errors => Groups.SelectMany(g => g.Fields).Where(f => f.Error is not null);
}
