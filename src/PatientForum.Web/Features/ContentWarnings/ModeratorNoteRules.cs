using System.Globalization;
using System.Text.RegularExpressions;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>
/// What a moderator's note may hold: plain text on one line (the page encodes it; no Markdown, so a note cannot carry
/// markup), and a link that is either a thread of this forum (a part of the guide) or an https address.
/// </summary>
public static partial class ModeratorNoteRules
{
    public const int TextMax = 500;
    public const int TextMaxUnits = 2 * TextMax;
    public const int UrlMax = 500;

    public const string LinkRefused =
        "The link must be a thread of this forum, such as /threads/12/part-4, or a full address that starts with https://.";

    public static string? TextProblem(string text) => ForumText.VisibleLength(text) switch
    {
        0 => "Write the note readers will see.",
        > TextMax => $"The note is too long: use at most {TextMax} characters.",
        _ when text.Length > TextMaxUnits => $"The note is too long: use at most {TextMax} characters.",
        _ => null,
    };

    /// <summary>The thread id of a link to a thread of this forum (/threads/12 or /threads/12/slug), else null.</summary>
    public static int? ForumThreadId(string link) =>
        ThreadPath().Match(link) is { Success: true } match && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>An absolute https address as it will be stored, or null when <paramref name="link"/> is not one a note may carry.</summary>
    public static string? ExternalUrl(string link) =>
        link.Length <= UrlMax && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.UserInfo.Length == 0 && uri.Host.Contains('.', StringComparison.Ordinal) && uri.AbsoluteUri.Length <= UrlMax
            ? uri.AbsoluteUri
            : null;

    [GeneratedRegex("^/threads/([0-9]{1,9})(/[a-z0-9-]*)?$")]
    private static partial Regex ThreadPath();
}
