using AngleSharp.Html.Parser;

namespace PatientForum.Web.Infrastructure.Html;

/// <summary>Counts the links in a post, for the first-day link limit.</summary>
public static class PostLinks
{
    /// <summary>
    /// The links in rendered, sanitized HTML that lead away from the forum: written links, autolinked URLs and images
    /// alike, since the renderer turns images into links. Counting the output rather than the Markdown means no syntax
    /// can hide a link. A path on the forum itself (a quote's link back to its post, a mention) sends nobody elsewhere,
    /// so it is not counted: a new member may quote three replies.
    /// </summary>
    public static int Count(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("a[href]").Count(a => LeavesTheForum(a.GetAttribute("href")));
    }

    private static bool LeavesTheForum(string? href)
    {
        // Browsers drop tabs and newlines inside a URL and spaces around it: "/\t/host" is "//host", another site.
        var url = new string((href ?? "").Where(c => c > ' ').ToArray());
        if (url.Length == 0)
        {
            return false;
        }
        var pathOnThisSite = url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));
        return !pathOnThisSite;
    }
}
