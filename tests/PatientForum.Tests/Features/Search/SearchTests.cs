using System.Net;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Search;

public sealed class SearchTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    /// <summary>Letters only, never in the guide, so each test finds exactly its own posts.</summary>
    private static string Rare() => "zq" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).ToArray());

    private async Task<IReadOnlyList<AngleSharp.Dom.IElement>> HitsAsync(string query, ForumClient? client = null)
    {
        var page = await (client ?? factory.CreateForumClient()).GetOkAsync("/search?" + query);
        return page.Document.QuerySelectorAll("li.search-hit").ToList();
    }

    [Fact]
    public async Task Search_RanksATitleAndBodyMatchAboveAPassingMention()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (a, b) = (Rare(), Rare());
        await Compose.StartThreadPathAsync(member, "rehab", $"Passing {Guid.NewGuid():N}",
            string.Join(' ', Enumerable.Repeat("Mostly about something else entirely.", 40)) + $" Once: {a}.");
        await Compose.StartThreadPathAsync(member, "rehab", $"{a} and {b} after surgery", $"My {a} with {b} story: {a} helped.");

        var hits = await HitsAsync($"q={a}+{b}");
        var hit = Assert.Single(hits);
        Assert.Contains($"{a} and {b}", hit.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        var either = await HitsAsync($"q={a}");
        Assert.Equal(2, either.Count);
        Assert.Contains($"{a} and {b}", either[0].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhrasePrefixAndExclusion_BehaveAsDocumented()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (a, b, c) = (Rare(), Rare(), Rare());
        await Compose.StartThreadPathAsync(member, "injections", "Phrase thread one", $"{a} {b} together, and {c}.");
        await Compose.StartThreadPathAsync(member, "injections", "Phrase thread two", $"{b} then {a}, apart.");

        Assert.Single(await HitsAsync($"q=%22{a}+{b}%22"));
        Assert.Equal(2, (await HitsAsync($"q={a[..8]}*")).Count);
        var excluded = Assert.Single(await HitsAsync($"q={a}+-{c}"));
        Assert.Contains("Phrase thread two", excluded.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopicAuthorAndDateFilters_NarrowTheResults()
    {
        var first = await Members.RegisterConfirmedAsync(factory);
        var second = await Members.RegisterConfirmedAsync(factory);
        var word = Rare();
        await Compose.StartThreadPathAsync(first, "biologics", "Filter thread biologics", $"PRP {word}.");
        await Compose.StartThreadPathAsync(second, "rehab", "Filter thread rehab", $"Physio {word}.");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("Biologics", Assert.Single(await HitsAsync($"q={word}&topic=biologics")).TextContent, StringComparison.Ordinal);
        Assert.Contains(second.DisplayName, Assert.Single(await HitsAsync($"q={word}&author={Uri.EscapeDataString(second.DisplayName.ToUpperInvariant())}")).TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await HitsAsync($"q={word}&from={today}&to={today}")).Count);
        Assert.Empty(await HitsAsync($"q={word}&from=2020-01-01&to=2020-12-31"));
    }

    [Fact]
    public async Task Results_ArePagedNewestFirstWithoutDuplicates_AndLinkToThePost()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = Rare();
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Many replies thread", $"Opening {word}.");
        for (var i = 0; i < 24; i++)
        {
            await Compose.ReplyAsync(member, path, $"Reply {i} {word}.");
        }

        var page1 = await factory.CreateForumClient().GetOkAsync($"/search?q={word}&sort=Newest");
        var page2 = await HitsAsync($"q={word}&sort=Newest&page=2");
        var first = page1.Document.QuerySelectorAll("li.search-hit").ToList();

        Assert.Equal(20, first.Count);
        Assert.NotNull(page1.Document.QuerySelector("a[rel=next]"));
        Assert.Equal(5, page2.Count);
        Assert.Contains("Reply 23", first[0].QuerySelector(".snippet")!.TextContent, StringComparison.Ordinal);
        var links = first.Concat(page2).Select(h => h.QuerySelector("h3 a")!.GetAttribute("href")).ToList();
        Assert.Equal(25, links.Distinct().Count());
        Assert.Contains(word, first[0].QuerySelector(".snippet mark")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first[0].QuerySelector("time[datetime]"));

        var redirect = await factory.CreateForumClient(followRedirects: false).GetAsync(links[0]!);
        Assert.Equal(HttpStatusCode.Redirect, redirect.Status);
        Assert.Matches(@"^/threads/\d+/many-replies-thread(\?page=2)?#post-\d+$", redirect.Response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HiddenPosts_LeaveTheResultsAtOnce_ModeratorsCanAskForThem()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var word = Rare();
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, $"Hidden soon {word}.");
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        Assert.Single(await HitsAsync($"q={word}"));

        await Moderating.ActAsync(moderator, postId, "hide", "Testing search");

        Assert.Empty(await HitsAsync($"q={word}"));
        Assert.Empty(await HitsAsync($"q={word}&hidden=true", member.Client));
        Assert.Empty(await HitsAsync($"q={word}", moderator.Client));
        Assert.Single(await HitsAsync($"q={word}&hidden=true", moderator.Client));
    }

    [Fact]
    public async Task EditsAndRenames_AreSearchableAtOnce()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (before, after, title) = (Rare(), Rare(), Rare());
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Rename me {Guid.NewGuid():N}", $"Original {before}.");
        var opening = (await author.Client.GetOkAsync(path)).Document.QuerySelector("article.post")!.Id!["post-".Length..];

        var form = await author.Client.GetOkAsync($"/posts/{opening}/edit");
        await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Title"] = $"Renamed {title}", ["Body"] = $"Edited {after}." });

        Assert.Empty(await HitsAsync($"q={before}"));
        Assert.Single(await HitsAsync($"q={after}"));
        Assert.Single(await HitsAsync($"q={title}"));
    }
}
