using static System.FormattableString;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>The addresses of this feature's pages.</summary>
public static class ContentWarningUrls
{
    public const string Settings = "/account/content-warnings";

    /// <summary>The moderators' page for a post's warnings and note.</summary>
    public static string ModeratePost(int postId) => Invariant($"/moderation/posts/{postId}/warnings");

    /// <summary>Where the moderator-note form posts; <c>/remove</c> after it takes the note away.</summary>
    public static string ModerateNote(int postId) => Invariant($"/moderation/posts/{postId}/note");
}
