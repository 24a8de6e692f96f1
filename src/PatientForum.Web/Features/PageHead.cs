using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PatientForum.Web.Features;

/// <summary>The two feed formats the forum serves, by the extension of the feed's address.</summary>
public enum FeedFormat
{
    /// <summary>RSS 2.0.</summary>
    Rss,

    /// <summary>Atom 1.0.</summary>
    Atom,
}

/// <summary>A page's feed: the layout offers it in both formats with <c>&lt;link rel="alternate"&gt;</c>.</summary>
public sealed record PageFeed(string Title, string RssUrl, string AtomUrl);

/// <summary>
/// What the layout writes into every page's head besides its title: the canonical address and the page's feed. A page
/// says what it knows through ViewData (<see cref="CanonicalKey"/>, <see cref="FeedKey"/>); otherwise the canonical
/// address is the requested path with only the page number kept, so tracking parameters and the like are dropped.
/// </summary>
public static class PageHead
{
    /// <summary>ViewData key for the canonical path and query (a string), for a page whose address has more than one spelling.</summary>
    public const string CanonicalKey = "Canonical";

    /// <summary>ViewData key for the page's <see cref="PageFeed"/>.</summary>
    public const string FeedKey = "Feed";

    public static string Extension(this FeedFormat format) => format == FeedFormat.Rss ? "rss" : "atom";

    public static string MediaType(this FeedFormat format) => format == FeedFormat.Rss ? "application/rss+xml" : "application/atom+xml";

    /// <summary>A feed offered in both formats, its addresses made by <paramref name="url"/> from a format.</summary>
    public static PageFeed Feed(string title, Func<FeedFormat, string> url) => new(title, url(FeedFormat.Rss), url(FeedFormat.Atom));

    /// <summary>
    /// The page's canonical path and query: what the page set, or the path requested with its page number when that is
    /// past the first (page 2's canonical address is page 2; <c>?page=1</c> is page 1's plain address).
    /// </summary>
    public static string CanonicalPath(HttpRequest request, ViewDataDictionary viewData)
    {
        if (viewData[CanonicalKey] is string set)
        {
            return set;
        }
        var path = request.Path.ToUriComponent();
        return int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{path}?page={page}")
            : path;
    }
}
