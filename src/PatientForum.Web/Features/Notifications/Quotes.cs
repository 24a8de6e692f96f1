using System.Globalization;
using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Finds the posts a post quotes: a Markdown blockquote line that links to a post's permanent address
/// (<c>/posts/{id}</c>), which is what the composer's Quote button writes.
/// </summary>
public static partial class Quotes
{
    public static IReadOnlyList<int> QuotedPostIds(string markdown) =>
        QuoteLinkPattern().Matches(markdown)
            .Select(m => int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^[ \t]*>.*?\]\((?:https?://[^/\s)]+)?/posts/(?<id>\d{1,9})(?:#[^)\s]*)?\)", RegexOptions.Multiline)]
    private static partial Regex QuoteLinkPattern();
}
