using System.Globalization;
using AngleSharp.Html.Parser;

namespace PatientForum.Web.Infrastructure.Html;

/// <summary>
/// The text of a post's stored HTML as a reader sees it, on one line, for places that show a post without its
/// formatting: profile lists, feeds, a thread's meta description. Read from the sanitized HTML rather than the
/// Markdown, so nothing the page does not show (a link's address, a raw tag) slips into the text.
/// </summary>
public static class PlainText
{
    /// <summary>The whole text, whitespace collapsed to single spaces.</summary>
    public static string Of(string html) =>
        string.Join(' ', new HtmlParser().ParseDocument(html).Body!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The start of <paramref name="html"/>'s text, at most <paramref name="length"/> characters as readers count them.</summary>
    public static string Excerpt(string html, int length) => Cut(Of(html), length);

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="length"/> characters as readers count them (an emoji or an accented
    /// letter is one, and is never split), with an ellipsis where it was cut.
    /// </summary>
    public static string Cut(string text, int length)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= length ? text : info.SubstringByTextElements(0, length).TrimEnd() + "…";
    }
}
