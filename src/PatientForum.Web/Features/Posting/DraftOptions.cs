using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Posting;

/// <summary>The <c>Forum:Drafts</c> section.</summary>
public sealed class DraftOptions
{
    public const string SectionName = "Forum:Drafts";

    /// <summary>
    /// How long a draft nobody touches is kept. A draft is a member's unposted words, perhaps about their health, so
    /// it is not kept for ever; a background cleanup removes it this many days after it was last saved.
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Forum:Drafts:KeepDays must be between 1 and 3650.")]
    public int KeepDays { get; set; } = 90;
}
