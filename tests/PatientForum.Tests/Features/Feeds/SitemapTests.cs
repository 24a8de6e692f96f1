using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.MembersOnly;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Feeds;
using static PatientForum.Tests.Features.Feeds.Feeding;

namespace PatientForum.Tests.Features.Feeds;

/// <summary>
/// The sitemap index and its files, checked against the database with files of two addresses each (the limit is an
/// option, 50,000 by default, the protocol's most), so paging is tested without 50,000 threads; and robots.txt.
/// </summary>
public sealed partial class SitemapTests(SitemapTests.TinySitemapForum forum) : IClassFixture<SitemapTests.TinySitemapForum>
{
    private const int PerFile = 2;
    private static readonly XNamespace s_ns = SitemapWriter.Namespace;

    /// <summary>A forum whose sitemap files hold two thread addresses each.</summary>
    public sealed class TinySitemapForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:Feeds:SitemapUrlsPerFile"] = PerFile.ToString(CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task SitemapIndex_ListsThePagesAndEachThreadFile_WhichHoldEveryPublicThreadOnce_AtMostTheLimitEach()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        for (var i = 0; i < 5; i++)
        {
            await Compose.StartThreadPathAsync(author, "rehab", MembersOnlyThreads.Unique($"Sitemap thread {i}"), "Public words.");
        }
        var members = await MembersOnlyThreads.StartAsync(author, "rehab", MembersOnlyThreads.Unique("Sitemap members thread"), "For members.");
        var hidden = await Compose.StartThreadPathAsync(author, "rehab", MembersOnlyThreads.Unique("Sitemap hidden thread"), "Soon hidden.");
        var moderator = await Staff.ModeratorAsync(forum);
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, hidden), "hide", "Personal information");
        var expected = await ModerationState.QueryAsync(forum, db => db.Threads
            .Where(t => !t.IsHidden && t.Audience == ThreadAudience.Public && !t.Topic!.MembersOnly).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Slug, t.LastActivityAt }).ToListAsync());
        var visitor = forum.CreateForumClient();
        var site = PublicUrl(forum);

        var index = await XmlAsync(visitor, "/sitemap.xml", "sitemapindex");
        var files = index.Elements(s_ns + "sitemap").Select(s => s.Element(s_ns + "loc")!.Value).ToList();
        var numbers = expected.Select(t => (t.Id - 1) / PerFile + 1).Distinct().Order();
        Assert.Equal([$"{site}/sitemaps/pages.xml", .. numbers.Select(n => $"{site}/sitemaps/threads-{n}.xml")], files);
        Assert.All(index.Elements(s_ns + "sitemap"), s => Assert.Matches(W3CDate(), s.Element(s_ns + "lastmod")!.Value));

        var listed = new List<(string Url, string LastModified)>();
        foreach (var file in files.Skip(1))
        {
            var urls = (await XmlAsync(visitor, file[site.Length..], "urlset")).Elements(s_ns + "url").ToList();
            Assert.InRange(urls.Count, 1, PerFile);
            listed.AddRange(urls.Select(u => (u.Element(s_ns + "loc")!.Value, u.Element(s_ns + "lastmod")!.Value)));
        }
        Assert.Equal(expected.Select(t => ($"{site}/threads/{t.Id}/{t.Slug}", t.LastActivityAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))), listed);
        Assert.DoesNotContain(listed, u => u.Url.Contains($"/threads/{Compose.ThreadId(members)}/", StringComparison.Ordinal));
        Assert.DoesNotContain(listed, u => u.Url.Contains($"/threads/{Compose.ThreadId(hidden)}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesSitemap_ListsHomeGuideAndTopics_WithAbsoluteUrlsAndW3CDates()
    {
        var visitor = forum.CreateForumClient();
        var site = PublicUrl(forum);

        var urls = (await XmlAsync(visitor, "/sitemaps/pages.xml", "urlset")).Elements(s_ns + "url").ToList();

        Assert.Equal(
            [$"{site}/", $"{site}/guide", $"{site}/t/injections", $"{site}/t/biologics", $"{site}/t/surgical-referral", $"{site}/t/rehab"],
            urls.Select(u => u.Element(s_ns + "loc")!.Value));
        // A topic with no public thread yet has no time to give; the home page has the newest of them.
        Assert.Matches(W3CDate(), urls[0].Element(s_ns + "lastmod")!.Value);
        Assert.All(urls.Select(u => u.Element(s_ns + "lastmod")).OfType<XElement>(), lastmod => Assert.Matches(W3CDate(), lastmod.Value));
    }

    [Theory]
    [InlineData("/sitemaps/threads-0.xml")]
    [InlineData("/sitemaps/threads-99999.xml")]
    public async Task ThreadsSitemap_OutsideTheFilesThatExist_IsNotFound(string path)
    {
        var page = await forum.CreateForumClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Robots_DisallowsThePrivateAddresses_AndPointsToTheSitemap()
    {
        var page = await forum.CreateForumClient().GetOkAsync("/robots.txt");
        var lines = page.Text.Split('\n');

        Assert.Equal("text/plain", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("User-agent: *", lines);
        foreach (var prefix in new[] { "/account", "/moderation", "/admin", "/search", "/notifications", "/drafts" })
        {
            Assert.Contains($"Disallow: {prefix}", lines);
        }
        Assert.Contains($"Sitemap: {PublicUrl(forum)}/sitemap.xml", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("Disallow: /threads/", StringComparison.Ordinal) && !line.Contains('*', StringComparison.Ordinal));
    }

    private static async Task<XElement> XmlAsync(ForumClient client, string path, string root)
    {
        var page = await client.GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"{path} answered {(int)page.Status}");
        Assert.Equal("application/xml", page.Response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(page.Text);
        Assert.Equal(s_ns + root, document.Root!.Name);
        return document.Root;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial System.Text.RegularExpressions.Regex W3CDate();
}
