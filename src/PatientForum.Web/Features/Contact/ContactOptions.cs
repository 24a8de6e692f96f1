using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Contact;

/// <summary>The <c>Forum:Contact</c> section: spam defences of the contact page.</summary>
public sealed class ContactOptions
{
    public const string SectionName = "Forum:Contact";

    /// <summary>Submissions one IP address may make per hour; more are answered 429 with Retry-After.</summary>
    [Range(1, 10_000, ErrorMessage = "Forum:Contact:PerHourPerIp must be between 1 and 10000.")]
    public int PerHourPerIp { get; set; } = 5;

    /// <summary>A form sent back sooner than this after it was shown is treated as a bot's and shown again.</summary>
    [Range(0, 600, ErrorMessage = "Forum:Contact:MinimumFillSeconds must be between 0 and 600.")]
    public int MinimumFillSeconds { get; set; } = 3;
}
