using System.Globalization;
using System.Net;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>What a query finds and in which order: ranking, phrases, prefixes, exclusions, and what a hit shows.</summary>
public sealed class SearchRankingTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Search_RareWordsInTitleAndBody_RankAboveASingleMentionInALongBody()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (first, second) = (RareWord(), RareWord());
        var filler = string.Join(' ', Enumerable.Repeat("We talked about sleep, walking, the weather and the drive home.", 40));
        // The strong match is written first, so neither the newest-first tie-break nor post order can put it on top.
        await Compose.StartThreadPathAsync(member, "rehab", $"Strong {first} {second}", $"{first} and {second}, then {first} again.");
        await Compose.StartThreadPathAsync(member, "rehab", "Weak passing mention", $"{filler} Someone said {first} once. {filler}");

        var hits = await VisitorHitsAsync(factory, first);

        Assert.Equal(["Strong " + first + " " + second, "Weak passing mention"], hits.Select(Title));
    }

    [Fact]
    public async Task Search_QuotedPhrase_MatchesOnlyAdjacentWordsInOrder()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (first, second) = (RareWord(), RareWord());
        await Compose.StartThreadPathAsync(member, "rehab", "Adjacent in order", $"It was {first} {second} all week.");
        await Compose.StartThreadPathAsync(member, "rehab", "Reversed order", $"It was {second} {first} all week.");
        await Compose.StartThreadPathAsync(member, "rehab", "Words apart", $"It was {first} and then {second}.");

        var phrase = await VisitorHitsAsync(factory, $"\"{first} {second}\"");
        var words = await VisitorHitsAsync(factory, $"{first} {second}");

        Assert.Equal(["Adjacent in order"], phrase.Select(Title));
        Assert.Equal(3, words.Count);
    }

    [Fact]
    public async Task Search_WordWithStar_MatchesWordsStartingWithIt()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var stem = word[..^4];
        await Compose.StartThreadPathAsync(member, "rehab", "Prefix target", $"Mine was {word} for weeks.");

        var prefixed = await VisitorHitsAsync(factory, stem + "*");
        var bare = await VisitorHitsAsync(factory, stem);

        Assert.Equal(["Prefix target"], prefixed.Select(Title));
        Assert.Empty(bare);
    }

    [Fact]
    public async Task Search_MinusWord_DropsPostsContainingIt()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (wanted, unwanted) = (RareWord(), RareWord());
        await Compose.StartThreadPathAsync(member, "rehab", "Has both words", $"{wanted} with {unwanted}.");
        await Compose.StartThreadPathAsync(member, "rehab", "Has only one word", $"{wanted} alone.");

        var excluding = await VisitorHitsAsync(factory, $"{wanted} -{unwanted}");
        var all = await VisitorHitsAsync(factory, wanted);

        Assert.Equal(["Has only one word"], excluding.Select(Title));
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task Search_SortNewest_ListsNewestFirstWhateverTheRelevance()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        // The oldest post is the best match, so relevance and newest-first disagree about the order.
        await Compose.StartThreadPathAsync(member, "rehab", $"Oldest {word}", $"{word} {word} {word}.");
        await Compose.StartThreadPathAsync(member, "rehab", "Middle post", $"{string.Join(' ', Enumerable.Repeat("filler words here", 20))} {word}.");
        await Compose.StartThreadPathAsync(member, "rehab", "Newest post", $"{string.Join(' ', Enumerable.Repeat("other filler words", 30))} {word}.");
        using var visitor = factory.CreateForumClient();

        var newest = await HitsAsync(visitor, Query(("q", word), ("sort", "Newest")));
        var relevance = await HitsAsync(visitor, Query(("q", word), ("sort", "Relevance")));

        Assert.Equal(["Newest post", "Middle post", $"Oldest {word}"], newest.Select(Title));
        Assert.Equal($"Oldest {word}", Title(relevance[0]));
        var times = newest.Select(h => DateTime.Parse(h.QuerySelector("time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task Search_Hit_ShowsTitleTopicAuthorTimeAndMarkedWord()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var title = $"Biologic results {Guid.NewGuid().ToString("N")[..8]}";
        var path = await Compose.StartThreadPathAsync(member, "biologics", title, "An opening without the word.");
        var replyId = await ReplyAsync(member, path, $"The second round of {word} helped my knee.");

        var hit = Assert.Single(await VisitorHitsAsync(factory, word));

        Assert.Equal(title, Title(hit));
        Assert.Equal($"/posts/{replyId}", Link(hit));
        var meta = hit.QuerySelector("p.muted")!;
        Assert.Equal("Biologics", meta.QuerySelector("a[href='/t/biologics']")?.TextContent);
        Assert.Contains(member.DisplayName, meta.TextContent, StringComparison.Ordinal);
        var time = meta.QuerySelector("time");
        Assert.NotNull(time);
        var postedAt = DateTime.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(postedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        var mark = Assert.Single(hit.QuerySelectorAll("p.snippet mark"));
        Assert.Equal(word, mark.TextContent);
        Assert.Contains("helped my knee", hit.QuerySelector("p.snippet")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLink_OfAHit_RedirectsToThePostInItsThread()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var path = await Compose.StartThreadPathAsync(member, "surgical-referral", $"Seeing the surgeon {Guid.NewGuid().ToString("N")[..8]}", "Opening.");
        var replyId = await ReplyAsync(member, path, $"The consultant said {word}.");
        var link = Link(Assert.Single(await VisitorHitsAsync(factory, word)));
        using var visitor = factory.CreateForumClient(followRedirects: false);

        var response = await visitor.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal($"{path}#post-{replyId}", response.Response.Headers.Location?.OriginalString);
    }
}
