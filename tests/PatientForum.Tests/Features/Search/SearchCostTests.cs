using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>
/// Search is open to everyone, so what one search may cost is bounded: a prefix needs three letters, a dozen terms
/// at most, a time limit past which the reader is asked for fewer words, and a per-address limit on searches.
/// </summary>
public sealed class SearchCostTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Search_OneLetterPrefixes_AreSearchedAsWholeWordsWithANote()
    {
        using var visitor = factory.CreateForumClient();

        var page = await PageAsync(visitor, Query(("q", "a* b* c*")));

        Assert.Equal("A * needs at least 3 letters before it, so a*, b*, c* were searched as whole words.", page.TextOf(".search-note"));
    }

    [Fact]
    public async Task Search_TwoLetterPrefix_DoesNotMatchLongerWords_AndThreeLettersDo()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        await Compose.StartThreadPathAsync(member, "rehab", "Short prefix target", $"It was {word} all along.");

        var twoLetters = await VisitorHitsAsync(factory, $"{word[..2]}* {word}");
        var threeLetters = await VisitorHitsAsync(factory, $"{word[..3]}* {word}");

        Assert.Empty(twoLetters);
        Assert.Equal(["Short prefix target"], threeLetters.Select(Title));
    }

    [Fact]
    public async Task Search_MoreThanTwelveWords_SearchesTheFirstTwelveAndSaysSo()
    {
        using var visitor = factory.CreateForumClient();
        var words = string.Join(' ', Enumerable.Range(0, 20).Select(i => RareWord()));

        var page = await PageAsync(visitor, Query(("q", words)));

        Assert.Equal("Only the first 12 words were searched.", page.TextOf(".search-note"));
    }

    /// <summary>
    /// The forum's clock moves on by more than the limit every time it is read, so any search runs past its deadline:
    /// SQLite's progress handler stops the statement, PostgreSQL's search stops before its next statement.
    /// </summary>
    [Fact]
    public async Task Search_RunningPastTheTimeLimit_AnswersTheTooLongPageNotAServerError()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var slowForum = new TimedForum { Clock = clock };
        using var visitor = slowForum.CreateForumClient();
        Assert.NotEmpty(Hits(await PageAsync(visitor, Query(("q", "injection pain")))));

        clock.AutoAdvanceAmount = TimeSpan.FromSeconds(5);
        var page = await visitor.GetAsync("/search?" + Query(("q", "injection pain")));
        clock.AutoAdvanceAmount = TimeSpan.Zero;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal("The search took too long, so it was stopped. Try fewer words, or longer words before a *.", page.TextOf(".form-errors"));
        Assert.Empty(Hits(page));
        Assert.NotNull(page.Document.QuerySelector("form[role=search]"));
    }

    [Fact]
    public async Task Search_PastTheLimitFromOneAddress_Answers429WithRetryAfter()
    {
        using var limited = new LimitedForum();
        using var visitor = limited.CreateForumClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            var page = await visitor.GetAsync("/search?" + Query(("q", "injection")));
            statuses.Add(page.Status);
            if (i == 3)
            {
                Assert.True(page.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 must say when to retry.");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private sealed class TimedForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:Search:TimeoutMilliseconds"] = "1000" };
    }

    private sealed class LimitedForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",
            ["Forum:RateLimits:SearchesPerMinute"] = "3",
        };
    }
}
