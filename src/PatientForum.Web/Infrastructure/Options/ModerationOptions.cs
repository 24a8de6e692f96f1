using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Infrastructure.Options;

/// <summary>The <c>Forum:Moderation</c> section.</summary>
public sealed class ModerationOptions : IValidatableObject
{
    public const string SectionName = "Forum:Moderation";

    /// <summary>Addresses that receive moderator mail in addition to the users who hold the moderator role.</summary>
    public string[] ModeratorEmails { get; set; } = [];

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
