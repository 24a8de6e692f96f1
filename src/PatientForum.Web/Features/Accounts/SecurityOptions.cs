
namespace PatientForum.Web.Features.Accounts;

/// <summary>The <c>Forum:Security</c> section: what staff must do to reach moderation and admin pages.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Forum:Security";

    /// <summary>
    /// Moderators and admins must turn on two-factor sign-in before they may use the moderation and admin pages
    /// or the moderators' live queue. Until then those pages send them to the set-up page and other requests are
    /// answered 403. A plain on/off switch, so there is nothing for data annotations to check.
    /// </summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;
}
