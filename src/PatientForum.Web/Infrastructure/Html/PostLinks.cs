using AngleSharp.Html.Parser;

namespace PatientForum.Web.Infrastructure.Html;

/// <summary>Counts the links in a post as readers will see it.</summary>
public static class PostLinks
{
    /// <summary>
    /// The links in rendered, sanitized HTML: written links, autolinked URLs and images alike, since the renderer
    /// turns images into links. Counting the output rather than the Markdown means no syntax can hide a link.
    /// </summary>
    public static int Count(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("a[href]").Count(a => !string.IsNullOrWhiteSpace(a.GetAttribute("href")));
    }
}
