using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Feeds;

/// <summary>
/// What search engines read first: <c>/robots.txt</c>, the sitemap index at <c>/sitemap.xml</c> and the sitemap files it
/// lists (<see cref="SitemapReader"/>: public pages only). Sitemaps are cached and evicted like the feeds.
/// </summary>
public sealed class SitemapController(SitemapReader sitemaps, IOptions<ForumOptions> forum) : Controller
{
    private const string XmlType = "application/xml; charset=utf-8";

    /// <summary>
    /// Addresses no search engine should crawl: members' own pages, staff pages, search results (endless, and a member's
    /// words), the forms, and the endpoints for machines. Wildcards (<c>*</c>) are read by the major engines.
    /// </summary>
    public static readonly string[] Disallowed =
    [
        "/account", "/admin", "/moderation", "/search", "/notifications", "/drafts", "/hubs", "/healthz", "/metrics", "/error",
        "/t/*/new", "/threads/*/reply", "/threads/*/unread", "/posts/*/edit", "/posts/*/history", "/posts/*/flag", "/posts/*/source",
    ];

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var text = new StringBuilder()
            // Members-only threads cannot be listed here without publishing their addresses. They are kept out of indexes
            // otherwise: their pages answer visitors (and crawlers) with 401 and carry noindex, and no sitemap lists them.
            .Append("# Members-only threads are not named here, which would publish their addresses: their pages carry noindex\n")
            .Append("# and are never in the sitemap.\n")
            .Append("User-agent: *\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }
        text.Append("\nSitemap: ").Append(ForumUrls.Absolute(forum.Value.PublicUrl, ForumUrls.Sitemap)).Append('\n');
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(text.ToString(), "text/plain; charset=utf-8");
    }

    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var files = await sitemaps.FilesAsync(cancellationToken);
        return Xml(SitemapWriter.Index(files), files);
    }

    /// <summary>The home page, the guide and the topics.</summary>
    [HttpGet("/sitemaps/pages.xml")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Pages(CancellationToken cancellationToken)
    {
        var pages = await sitemaps.PagesAsync(cancellationToken);
        return Xml(SitemapWriter.Urls(pages), pages);
    }

    /// <summary>A file of public threads; one that holds none (past the last, or all of its threads hidden) is not found.</summary>
    [HttpGet("/sitemaps/threads-{number:int}.xml")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Threads(int number, CancellationToken cancellationToken)
    {
        var threads = await sitemaps.ThreadsAsync(number, cancellationToken);
        return threads.Count == 0 ? NotFound() : Xml(SitemapWriter.Urls(threads), threads);
    }

    private IActionResult Xml(byte[] body, IReadOnlyList<SitemapUrl> urls) =>
        ConditionalGet.Answer(HttpContext, body, XmlType, W3CDates.Utc(urls.Max(u => u.LastModified) ?? DateTime.UnixEpoch));
}
