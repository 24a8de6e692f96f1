using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>The <c>Forum:Posts</c> section.</summary>
public sealed class PostDeletionOptions
{
    public const string SectionName = "Forum:Posts";

    /// <summary>
    /// How long an author may take back the deletion of their post. Until then its text is kept, for them alone;
    /// afterwards a background cleanup purges the text and its history for good.
    /// </summary>
    [Range(1, 720, ErrorMessage = "Forum:Posts:UndoDeleteHours must be between 1 and 720.")]
    public int UndoDeleteHours { get; set; } = 24;
}
