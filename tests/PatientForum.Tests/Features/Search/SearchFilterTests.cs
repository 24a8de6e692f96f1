using System.Globalization;
using System.Net;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>The topic, author and date filters, and paging through many results.</summary>
public sealed class SearchFilterTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Search_TopicFilter_KeepsOnlyPostsInThatTopic()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        await Compose.StartThreadPathAsync(member, "biologics", "Filed under biologics", $"PRP and {word}.");
        await Compose.StartThreadPathAsync(member, "rehab", "Filed under rehab", $"Physio and {word}.");
        using var visitor = factory.CreateForumClient();

        var biologics = await HitsAsync(visitor, Query(("q", word), ("topic", "biologics")));
        var rehab = await HitsAsync(visitor, Query(("q", word), ("topic", "rehab")));
        var injections = await PageAsync(visitor, Query(("q", word), ("topic", "injections")));

        var hit = Assert.Single(biologics);
        Assert.Equal("Filed under biologics", Title(hit));
        Assert.Equal("Biologics", hit.QuerySelector("p.muted a")!.TextContent);
        Assert.Equal(["Filed under rehab"], rehab.Select(Title));
        Assert.Empty(Hits(injections));
        Assert.NotNull(injections.Document.QuerySelector("p.search-empty"));
    }

    [Fact]
    public async Task Search_AuthorFilterInOtherCase_KeepsOnlyThatAuthorsPosts()
    {
        var first = await Members.RegisterConfirmedAsync(factory);
        var second = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        await Compose.StartThreadPathAsync(first, "rehab", "Written by the first", $"First view on {word}.");
        await Compose.StartThreadPathAsync(second, "rehab", "Written by the second", $"Second view on {word}.");
        using var visitor = factory.CreateForumClient();

        var lower = await HitsAsync(visitor, Query(("q", word), ("author", second.DisplayName.ToLowerInvariant())));
        var upper = await HitsAsync(visitor, Query(("q", word), ("author", first.DisplayName.ToUpperInvariant())));

        var hit = Assert.Single(lower);
        Assert.Equal("Written by the second", Title(hit));
        Assert.Contains($"by {second.DisplayName}", hit.QuerySelector("p.muted")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Written by the first"], upper.Select(Title));
    }

    [Fact]
    public async Task Search_FromAndToToday_IncludesTodaysPosts()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        await Compose.StartThreadPathAsync(member, "rehab", "Posted today one", $"{word} today.");
        await Compose.StartThreadPathAsync(member, "injections", "Posted today two", $"{word} today too.");
        var today = Day(DateTime.UtcNow);

        var hits = await HitsAsync(factory.CreateForumClient(), Query(("q", word), ("from", today), ("to", today)));

        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task Search_DateRangesThatEndBeforeOrStartAfterToday_ExcludeTodaysPosts()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        await Compose.StartThreadPathAsync(member, "rehab", "Posted today only", $"{word} now.");
        var now = DateTime.UtcNow;
        using var visitor = factory.CreateForumClient();

        var lastYear = await PageAsync(visitor, Query(("q", word), ("from", Day(now.AddYears(-1))), ("to", Day(now.AddDays(-1)))));
        var untilYesterday = await HitsAsync(visitor, Query(("q", word), ("to", Day(now.AddDays(-1)))));
        var fromTomorrow = await HitsAsync(visitor, Query(("q", word), ("from", Day(now.AddDays(1)))));
        var unfiltered = await HitsAsync(visitor, Query(("q", word)));

        Assert.Empty(Hits(lastYear));
        Assert.NotNull(lastYear.Document.QuerySelector("p.search-empty"));
        Assert.Empty(untilYesterday);
        Assert.Empty(fromTomorrow);
        Assert.Single(unfiltered);
    }

    [Fact]
    public async Task Search_DateNotInIsoForm_AnswersBadRequestWithAHint()
    {
        var word = RareWord();

        var page = await factory.CreateForumClient().GetAsync("/search?" + Query(("q", word), ("from", "31/03/2026")));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Dates look like 2026-03-31.", page.TextOf("p.form-errors"));
    }

    [Fact]
    public async Task Search_TwentyFiveMatchingReplies_PagesTwentyThenFiveWithoutDuplicates()
    {
        var (word, replies) = await ManyMatchingRepliesAsync(25);
        using var visitor = factory.CreateForumClient();

        var first = await PageAsync(visitor, Query(("q", word)));
        var second = await PageAsync(visitor, Query(("q", word), ("page", "2")));

        Assert.Equal(20, Hits(first).Count);
        Assert.NotNull(first.Document.QuerySelector("nav.pager a[rel=next]"));
        Assert.Equal(5, Hits(second).Count);
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.Document.QuerySelector("a[rel=prev]"));
        var links = Hits(first).Concat(Hits(second)).Select(Link).ToList();
        Assert.Equal(25, links.Distinct().Count());
        Assert.Equal(replies.Order(), links.Order());
    }

    [Fact]
    public async Task NextLink_OfAFullResultsPage_OpensTheNextPage()
    {
        var (word, _) = await ManyMatchingRepliesAsync(21);
        using var visitor = factory.CreateForumClient();
        var first = await PageAsync(visitor, Query(("q", word)));
        var next = first.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);

        var second = await visitor.GetAsync(next);

        Assert.True(second.Status == HttpStatusCode.OK, $"GET {next} answered {(int)second.Status}");
        Assert.Single(Hits(second));
    }

    /// <summary>A thread whose opening lacks the word and whose <paramref name="count"/> replies all have it; returns the word and the replies' links.</summary>
    private async Task<(string Word, List<string> Links)> ManyMatchingRepliesAsync(int count)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var path = await Compose.StartThreadPathAsync(member, "rehab", $"Long diary {Guid.NewGuid().ToString("N")[..8]}", "Day zero, no keyword yet.");
        var links = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            links.Add($"/posts/{await ReplyAsync(member, path, $"Day {i}: {word} again.")}");
        }
        return (word, links);
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    public async Task Search_WithTheFirstOrLastPossibleDate_AnswersOk(string dates)
    {
        var page = await factory.CreateForumClient().GetAsync($"/search?q=knee&{dates}");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
    }
}
