using System.Text.Json;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Feeds;

/// <summary>
/// A public thread's head as a browser loads it: link-preview tags and a canonical address, and JSON-LD that the
/// browser itself parses (written inline under a script-src 'self' policy: as data, it must not be blocked or run),
/// while the page stays free of axe-core violations and console problems.
/// </summary>
[Collection(SecondBrowser.Name)]
public sealed class ThreadHeadTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PublicThreadPage_HasPreviewTagsCanonicalAndJsonLdThatParses_AndStaysAccessible()
    {
        using var author = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        var title = $"Hydrotherapy after a hip injection {Guid.NewGuid():N}"[..48];
        var path = await author.StartThreadAsync("rehab", title, "The warm pool helped more than the **gym** did.");
        await using var reader = await fixture.NewPageAsync();
        var page = reader.Page;

        await page.GotoAsync(path);

        await Expect(page.Locator("meta[property='og:title']")).ToHaveAttributeAsync("content", title);
        await Expect(page.Locator("meta[property='og:description']")).ToHaveAttributeAsync("content", "The warm pool helped more than the gym did.");
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href");
        Assert.True(Uri.TryCreate(canonical, UriKind.Absolute, out var url) && url.AbsolutePath == path, $"canonical is {canonical}");
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent))");
        using var posting = JsonDocument.Parse(json);
        Assert.Equal("DiscussionForumPosting", posting.RootElement.GetProperty("@type").GetString());
        Assert.Equal(title, posting.RootElement.GetProperty("headline").GetString());
        Assert.Equal(0, posting.RootElement.GetProperty("commentCount").GetInt32());
        await AssertAccessibleAsync(page, "public thread page with its head tags");
        reader.AssertNoProblems();
    }
}
