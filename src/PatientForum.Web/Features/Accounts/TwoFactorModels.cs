using System.ComponentModel.DataAnnotations;
using System.Text;

namespace PatientForum.Web.Features.Accounts;

/// <summary>The second sign-in step: a code from the authenticator app.</summary>
public sealed class TwoFactorCodeForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    public bool RememberDevice { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The second sign-in step with one of the recovery codes instead of the app.</summary>
public sealed class RecoveryCodeForm
{
    [Required(ErrorMessage = "Enter one of your recovery codes.")]
    [Display(Name = "Recovery code")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>Turning two-factor sign-in on: the first code from the app proves it was set up right.</summary>
public sealed class EnableTwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code your authenticator app shows now.")]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>Turning it off or replacing the recovery codes: a current code or the password, either will do.</summary>
public sealed class TwoFactorProofForm
{
    public string? Code { get; set; }

    [DataType(DataType.Password)]
    public string? Password { get; set; }
}

/// <summary>The member's two-factor page; the key, the address and its QR code are only there while it is off.</summary>
public sealed record TwoFactorPage(
    bool Enabled,
    bool RequiredOfStaff,
    string? SharedKey,
    string? AuthenticatorUri,
    int RecoveryCodesLeft,
    string? ReturnUrl)
{
    /// <summary>The set-up address as an inline SVG QR code; only while two-factor is off.</summary>
    public string? QrCodeSvg { get; init; }
}

/// <summary>New recovery codes, shown once.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, string? ReturnUrl);

/// <summary>How the authenticator key is shown and how typed codes are read.</summary>
public static class TwoFactorKeys
{
    public const string Issuer = "PatientForum";
    public const int RecoveryCodeCount = 10;

    /// <summary>The key in groups of four, lower case, as people type it into an app.</summary>
    public static string Format(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(formatted.Length == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return formatted.ToString().ToLowerInvariant();
    }

    /// <summary>The otpauth:// address (Key Uri Format) that authenticator apps understand.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A typed app code without the spaces and dashes people add ("123 456", "123-456").</summary>
    public static string CleanCode(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>
    /// A typed recovery code in the form Identity stored it: upper case (its alphabet has no lower-case
    /// letters) with the dash after the fifth character, added back when it was left out.
    /// </summary>
    public static string CleanRecoveryCode(string? code)
    {
        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return cleaned.Length == 10 && !cleaned.Contains('-', StringComparison.Ordinal) ? $"{cleaned[..5]}-{cleaned[5..]}" : cleaned;
    }
}
