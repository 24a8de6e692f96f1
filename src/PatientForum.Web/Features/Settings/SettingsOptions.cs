using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Settings;

/// <summary>The <c>Forum:Settings</c> section: the limits on a member's own account changes.</summary>
public sealed class SettingsOptions
{
    public const string SectionName = "Forum:Settings";

    /// <summary>
    /// How many times a member may change their display name within <see cref="NameChangeDays"/>: readers know each
    /// other by name, and a name that keeps changing is a way to dodge them.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Forum:Settings:NameChanges must be between 1 and 100.")]
    public int NameChanges { get; set; } = 1;

    [Range(1, 3650, ErrorMessage = "Forum:Settings:NameChangeDays must be between 1 and 3650.")]
    public int NameChangeDays { get; set; } = 30;

    /// <summary>How long a name given up stays reserved for the member who had it (0: not at all).</summary>
    [Range(0, 3650, ErrorMessage = "Forum:Settings:ReservedNameDays must be between 0 and 3650.")]
    public int ReservedNameDays { get; set; } = 90;

    /// <summary>How long security activity (sign-ins, password and address changes) is kept.</summary>
    [Range(1, 3650, ErrorMessage = "Forum:Settings:ActivityKeepDays must be between 1 and 3650.")]
    public int ActivityKeepDays { get; set; } = 365;
}
