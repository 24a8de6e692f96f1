using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Infrastructure.Email;

/// <summary>
/// The <c>Forum:Smtp</c> section. With no <see cref="Host"/>, mail is written as .eml files to
/// <see cref="PickupDirectory"/> instead of being sent.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Forum:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Forum:Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>StartTls (upgrade on connect, required), SslOnConnect (implicit TLS) or None (loopback relays only).</summary>
    [EnumDataType(typeof(SmtpSecurity), ErrorMessage = "Forum:Smtp:Security must be StartTls, SslOnConnect or None.")]
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Forum:Smtp:From must be an address, e.g. \"PatientForum <no-reply@example.org>\".")]
    public string From { get; set; } = "PatientForum <no-reply@localhost>";

    /// <summary>Where mail goes when no host is set. Relative paths are inside Forum:DataDirectory.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";

    [Range(1, 300, ErrorMessage = "Forum:Smtp:TimeoutSeconds must be between 1 and 300.")]
    public int TimeoutSeconds { get; set; } = 20;

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("Forum:Smtp:From is not a valid email address.", [nameof(From)]);
        }
        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Forum:Smtp:Password is required when Forum:Smtp:UserName is set.", [nameof(Password)]);
        }
    }
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
