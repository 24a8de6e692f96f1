using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.MembersOnly;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Reading;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Feeds.Feeding;

namespace PatientForum.Tests.Features.Feeds;

/// <summary>
/// What a page's head tells search engines and link previews: a canonical address on every page (page 2 is page 2;
/// other query parameters dropped), and on a public thread OpenGraph and Twitter card tags from a redacted excerpt and
/// a JSON-LD DiscussionForumPosting that parses, whatever the title holds. Members-only threads carry none of it.
/// </summary>
public sealed class PageMetaTests(SmallPagesForumFactory factory) : IClassFixture<SmallPagesForumFactory>
{
    [Fact]
    public async Task PublicThreadPage_EachPage_HasItsCanonicalOpenGraphTwitterCardJsonLdAndFeeds()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = MembersOnlyThreads.Unique("Meta: knee injection, a year on");
        var path = await Compose.StartThreadPathAsync(author, "injections", title, "A year on, the **knee** is better. Ring 07700 900461 for the clinic.");
        for (var i = 0; i < SmallPagesForumFactory.PageSize + 1; i++)
        {
            await Compose.ReplyAsync(author, path, $"Update {i}.");
        }
        var threadId = Compose.ThreadId(path);
        var created = await ModerationState.QueryAsync(factory, db => db.Threads.Where(t => t.Id == threadId).Select(t => t.CreatedAt).SingleAsync());
        var site = PublicUrl(factory);
        var visitor = factory.CreateForumClient();

        foreach (var (request, canonical) in new[] { (path, path), ($"{path}?page=1&utm_source=feed", path), ($"{path}?utm_source=x&page=2", $"{path}?page=2") })
        {
            var head = (await visitor.GetOkAsync(request)).Document.Head!;

            Assert.Equal(site + canonical, Attribute(head, "link[rel=canonical]", "href"));
            Assert.Equal(title, Meta(head, "og:title"));
            Assert.Equal("A year on, the knee is better. Ring […] for the clinic.", Meta(head, "og:description"));
            Assert.Equal(Meta(head, "og:description"), Attribute(head, "meta[name=description]", "content"));
            Assert.Equal(site + path, Meta(head, "og:url"));
            Assert.Equal("article", Meta(head, "og:type"));
            Assert.Equal("PatientForum", Meta(head, "og:site_name"));
            Assert.Equal("summary", Attribute(head, "meta[name='twitter:card']", "content"));
            Assert.Equal($"{site}/threads/{threadId}/feed.rss", Attribute(head, "link[rel=alternate][type='application/rss+xml']", "href"));
            Assert.Equal($"{site}/threads/{threadId}/feed.atom", Attribute(head, "link[rel=alternate][type='application/atom+xml']", "href"));

            using var json = JsonLd(head);
            var posting = json.RootElement;
            Assert.Equal("DiscussionForumPosting", posting.GetProperty("@type").GetString());
            Assert.Equal(title, posting.GetProperty("headline").GetString());
            Assert.Equal(site + path, posting.GetProperty("url").GetString());
            Assert.Equal(created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), posting.GetProperty("datePublished").GetString());
            Assert.Equal(author.DisplayName, posting.GetProperty("author").GetProperty("name").GetString());
            Assert.Equal(SmallPagesForumFactory.PageSize + 1, posting.GetProperty("commentCount").GetInt32());
            Assert.Equal(SmallPagesForumFactory.PageSize + 1, posting.GetProperty("interactionStatistic").GetProperty("userInteractionCount").GetInt32());
        }
    }

    [Fact]
    public async Task MembersOnlyThreadPage_ForAMember_HasNoPreviewDescriptionStructuredDataOrFeed()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var path = await MembersOnlyThreads.StartAsync(author, "rehab", MembersOnlyThreads.Unique("Meta: among members"), "Only for members to read.");

        var head = (await author.Client.GetOkAsync(path)).Document.Head!;

        Assert.Empty(head.QuerySelectorAll("meta[property^='og:'], meta[name^='twitter:'], meta[name=description], script[type='application/ld+json']"));
        Assert.Empty(head.QuerySelectorAll("link[rel=alternate]"));
        Assert.Equal("noindex", Attribute(head, "meta[name=robots]", "content"));
    }

    [Fact]
    public async Task PublicThreadPage_WhoseOpeningPostIsWarned_HasNoDescriptionInItsPreviewOrStructuredData()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var path = await ContentWarnings.ContentWarning.StartWarnedThreadAsync(
            author, "rehab", MembersOnlyThreads.Unique("Meta: warned"), "The wound opened again and bled through the dressing.", "medical-detail");

        var head = (await factory.CreateForumClient().GetOkAsync(path)).Document.Head!;

        Assert.NotNull(Meta(head, "og:title"));
        Assert.Empty(head.QuerySelectorAll("meta[property='og:description'], meta[name=description], meta[name='twitter:description']"));
        Assert.DoesNotContain("wound", head.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicThreadPage_WithAHostileTitle_KeepsItsJsonLdOneScriptThatParses()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var plain = await Compose.StartThreadPathAsync(author, "rehab", "Meta: a plain title", "Plain.");
        var baseline = (await factory.CreateForumClient().GetOkAsync(plain)).Document.QuerySelectorAll("script").Length;
        var hostile = JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(RepoPaths.NaughtyStrings))!
            .Where(s => s.Contains("</script", StringComparison.OrdinalIgnoreCase) || s.Contains("<!--", StringComparison.Ordinal))
            .Where(s => s.Length is >= 5 and <= 150)
            .Append("</script><script>alert(1)</script><!-- a story")
            .ToList();
        Assert.NotEmpty(hostile);

        foreach (var title in hostile)
        {
            var thread = await Compose.StartThreadAsync(author, "rehab", title, "Hostile title, plain body.");
            Assert.StartsWith("/threads/", thread.Url, StringComparison.Ordinal);
            var shown = thread.TextOf("h1");
            var visitorPage = await factory.CreateForumClient().GetOkAsync(thread.Url);

            Assert.Equal(baseline, visitorPage.Document.QuerySelectorAll("script").Length);
            using var json = JsonLd(visitorPage.Document.Head!);
            Assert.Equal(shown, json.RootElement.GetProperty("headline").GetString());
            Assert.Equal(shown, Meta(visitorPage.Document.Head!, "og:title"));
        }
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/?utm_source=x", "/")]
    [InlineData("/guide?ref=mail", "/guide")]
    [InlineData("/t/rehab?page=1&sort=whatever", "/t/rehab")]
    [InlineData("/search", "/search")]
    [InlineData("/contact?x=1", "/contact")]
    public async Task Page_AnyQueryThatDoesNotChangeIt_HasTheCanonicalAddressWithoutIt(string request, string canonical)
    {
        var page = await factory.CreateForumClient().GetOkAsync(request);

        Assert.Equal(PublicUrl(factory) + canonical, Attribute(page.Document.Head!, "link[rel=canonical]", "href"));
    }

    [Fact]
    public async Task HomeAndTopicPages_OfferTheirFeeds()
    {
        var visitor = factory.CreateForumClient();
        var site = PublicUrl(factory);

        var home = (await visitor.GetOkAsync("/")).Document.Head!;
        var topic = (await visitor.GetOkAsync("/t/rehab")).Document.Head!;

        Assert.Equal($"{site}/feed.atom", Attribute(home, "link[rel=alternate][type='application/atom+xml']", "href"));
        Assert.Equal($"{site}/t/rehab/feed.rss", Attribute(topic, "link[rel=alternate][type='application/rss+xml']", "href"));
    }

    private static string? Attribute(IElement head, string selector, string name) => head.QuerySelector(selector)?.GetAttribute(name);

    private static string? Meta(IElement head, string property) => Attribute(head, $"meta[property='{property}']", "content");

    private static JsonDocument JsonLd(IElement head) =>
        JsonDocument.Parse(Assert.Single(head.QuerySelectorAll("script[type='application/ld+json']")).TextContent);
}
