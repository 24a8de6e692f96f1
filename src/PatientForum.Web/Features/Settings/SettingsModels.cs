using System.ComponentModel.DataAnnotations;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Settings;

/// <summary>The settings hub: who the member is, so they can see at a glance what the pages below would change.</summary>
public sealed record SettingsHubPage(string DisplayName, string Email, bool TwoFactorEnabled);

public sealed record NameForm
{
    [Required(ErrorMessage = "Choose a display name.")]
    [Display(Name = "New display name")]
    public string? NewName { get; init; }
}

/// <summary>The display name page; NextChange is when the member may change their name again, if not now.</summary>
public sealed record NamePage(string CurrentName, NameForm Form, DateTime? NextChange, int ReservedDays, bool Saved = false);

public sealed record EmailForm
{
    [Required(ErrorMessage = "Enter the new email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
    [StringLength(254, ErrorMessage = "An email address can be at most 254 characters.")]
    [Display(Name = "New email address")]
    public string? NewEmail { get; init; }

    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string? CurrentPassword { get; init; }
}

public sealed record EmailPage(string CurrentEmail, EmailForm Form);

public sealed record PasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string? CurrentPassword { get; init; }

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters for your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? NewPassword { get; init; }

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string? ConfirmPassword { get; init; }
}

public sealed record ActivityRow(SecurityEventKind Kind, DateTime At, string Client)
{
    public string What => Kind switch
    {
        SecurityEventKind.SignIn => "Signed in",
        SecurityEventKind.SignedOut => "Signed out",
        SecurityEventKind.PasswordChanged => "Password changed",
        SecurityEventKind.PasswordReset => "Password reset by email link",
        SecurityEventKind.EmailChanged => "Email address changed",
        SecurityEventKind.TwoFactorEnabled => "Two-factor sign-in turned on",
        SecurityEventKind.TwoFactorDisabled => "Two-factor sign-in turned off",
        SecurityEventKind.RecoveryCodesGenerated => "New recovery codes made",
        SecurityEventKind.DisplayNameChanged => "Display name changed",
        _ => "Account change",
    };
}

public sealed record ActivityPage(IReadOnlyList<ActivityRow> Rows, int KeepDays, int ListedMax);
