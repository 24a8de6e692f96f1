using System.Globalization;
using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Finds the posts a post quotes: a Markdown blockquote line that links to a post's permanent address
/// (<c>/posts/{id}</c>), which is what the composer's Quote button (wwwroot/js/quote.js) writes:
/// <code>
/// > **Display Name** [wrote](/posts/123):
/// >
/// > the quoted words
/// </code>
/// A quote inside a quote (<c>> > …</c>) is the quoted post's own and notifies nobody.
/// </summary>
public static partial class Quotes
{
    public static IReadOnlyList<int> QuotedPostIds(string markdown) =>
        QuoteLinkPattern().Matches(markdown)
            .Select(m => int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^[ \t]*>(?![ \t]*>).*?\]\((?:https?://[^/\s)]+)?/posts/(?<id>\d{1,9})(?:#[^)\s]*)?\)", RegexOptions.Multiline)]
    private static partial Regex QuoteLinkPattern();
}
