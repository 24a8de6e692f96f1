namespace PatientForum.Web.Data;

/// <summary>
/// One setting an admin changed at /admin/settings: it overrides the configuration key of the same name on every
/// instance. Taking the row away (reset to default) lets the configuration's value apply again.
/// </summary>
public class SiteSetting
{
    /// <summary>The configuration key, e.g. <c>Forum:Moderation:AutoHideThreshold</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The value as configuration reads it; a list's items one a line.</summary>
    public required string Value { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The admin who saved it last; the audit log keeps every change.</summary>
    public string? UpdatedById { get; set; }
}
