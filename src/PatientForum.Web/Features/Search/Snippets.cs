using System.Net;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// Turns an engine's snippet into safe HTML. The engine marks matches with two control characters that
/// can never occur in stored text (<see cref="Infrastructure.Text.ForumText"/> removes them); the text is
/// HTML-encoded first and only then are the markers turned into &lt;mark&gt;.
/// </summary>
public static class Snippets
{
    public const string Open = "\u0001";
    public const string Close = "\u0002";

    public static string ToHtml(string snippet) =>
        WebUtility.HtmlEncode(snippet)
            .Replace(Open, "<mark>", StringComparison.Ordinal)
            .Replace(Close, "</mark>", StringComparison.Ordinal);
}
