using System.Xml;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix rows for what feed readers and search engines read: everyone gets the same public answer (a feed or a
/// sitemap that parses, robots.txt), signed in or not, and reading changes nothing.
/// </summary>
public static class FeedsTable
{
    /// <summary>The route segment of every feed, as the route table names it.</summary>
    public const string Feed = "feed.{format:regex(^(rss|atom)$)}";

    public static readonly Rule[] Rules =
    [
        Xml(Feed, "/feed.rss", "rss"),
        Xml($"t/{{slug}}/{Feed}", "/t/rehab/feed.atom", "feed"),
        Xml($"threads/{{id:int}}/{Feed}", "/threads/{thread}/feed.rss", "rss"),
        Xml($"treatments/{{slug}}/{Feed}", "/treatments/prp/feed.atom", "feed"),
        Xml($"u/{{name}}/{Feed}", "/u/{author}/feed.atom", "feed", async (forum, caller, targets) =>
        {
            var name = await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == targets.UserId).Select(u => u.DisplayName).SingleAsync());
            return await caller.Client.GetAsync($"/u/{Uri.EscapeDataString(name)}/feed.atom");
        }),
        Xml("sitemap.xml", "/sitemap.xml", "sitemapindex"),
        Xml("sitemaps/pages.xml", "/sitemaps/pages.xml", "urlset"),
        Xml("sitemaps/threads-{number:int}.xml", "/sitemaps/threads-1.xml", "urlset"),
        new("GET", "robots.txt", "/robots.txt", Access.Anyone, async c =>
        {
            c.Ok();
            Assert.Contains("Disallow: /account", c.Page.Text, StringComparison.Ordinal);
            await c.UnchangedAsync();
        }, NeedsToken: false),
    ];

    private static Rule Xml(string pattern, string path, string root, Func<MatrixForum, Member, Targets, Task<ForumClient.Page>>? act = null) =>
        new("GET", pattern, path, Access.Anyone, async c =>
        {
            c.Ok();
            var document = new XmlDocument();
            document.LoadXml(c.Page.Text);
            Assert.Equal(root, document.DocumentElement!.LocalName);
            await c.UnchangedAsync();
        }, NeedsToken: false, Act: act);
}
