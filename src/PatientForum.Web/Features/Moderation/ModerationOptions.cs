using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Moderation;

/// <summary>The <c>Forum:Moderation</c> section.</summary>
public sealed class ModerationOptions : IValidatableObject
{
    public const string SectionName = "Forum:Moderation";

    /// <summary>Addresses that receive moderator mail in addition to the users who hold the moderator role.</summary>
    public string[] ModeratorEmails { get; set; } = [];

    /// <summary>
    /// Flags from this many different members hide a post until a moderator decides. Only members past the new-member
    /// period (Forum:RateLimits:NewUserHours) count, so that new accounts cannot gang up on a post; theirs still reach the queue.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Forum:Moderation:AutoHideThreshold must be between 1 and 100.")]
    public int AutoHideThreshold { get; set; } = 3;

    /// <summary>How many flags one member may raise in 24 hours.</summary>
    [Range(1, 1000, ErrorMessage = "Forum:Moderation:FlagsPerDay must be between 1 and 1000.")]
    public int FlagsPerDay { get; set; } = 20;

    /// <summary>At most one summary mail of new flags per moderator per this many minutes. Self-harm flags are sent at once.</summary>
    [Range(1, 10080, ErrorMessage = "Forum:Moderation:DigestIntervalMinutes must be between 1 and 10080.")]
    public int DigestIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// Shown to a member who raises a self-harm concern. Empty means <see cref="DefaultCrisisResources"/>
    /// (the configuration binder appends to a non-empty default array instead of replacing it).
    /// </summary>
    public string[] CrisisResources { get; set; } = [];

    public IReadOnlyList<string> EffectiveCrisisResources => CrisisResources.Length > 0 ? CrisisResources : DefaultCrisisResources;

    public static IReadOnlyList<string> DefaultCrisisResources { get; } =
    [
        "If someone is in immediate danger, call your local emergency number (112 in Europe, 911 in the US, 999 in the UK).",
        "UK and Ireland: Samaritans, call 116 123, any time.",
        "US: 988 Suicide & Crisis Lifeline, call or text 988.",
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var attribute = new EmailAddressAttribute();
        for (var i = 0; i < ModeratorEmails.Length; i++)
        {
            if (!attribute.IsValid(ModeratorEmails[i]))
            {
                yield return new ValidationResult($"Forum:Moderation:ModeratorEmails:{i} is not a valid email address.");
            }
        }
    }
}
