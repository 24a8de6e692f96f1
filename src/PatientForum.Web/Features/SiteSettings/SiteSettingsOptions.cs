using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>The <c>Forum:SiteSettings</c> section: how instances learn of a change an admin saved on another.</summary>
public sealed class SiteSettingsOptions
{
    public const string SectionName = "Forum:SiteSettings";

    /// <summary>
    /// How often each instance reads the saved settings again. Without Redis this is how a change reaches the other
    /// instances; with Redis a change is announced at once, and the poll only catches one missed while Redis was away.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Forum:SiteSettings:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 15;
}
