using System.Net;
using System.Text.Json;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>
/// Whatever people type, search answers with results or "no results", and shows post text only as text. The forum
/// gives each search the longest time it allows: a search past its deadline is answered 503 by design
/// (<see cref="SearchCostTests"/>), and on a machine busy with other work one of these hundreds of searches can
/// take longer than the default; what is checked here is how the input is read, not how fast.
/// </summary>
public sealed class SearchHostileInputTests(SearchHostileInputTests.UnhurriedForum factory) : IClassFixture<SearchHostileInputTests.UnhurriedForum>
{
    /// <summary>FTS5 query syntax and other shapes that break a query passed through unquoted.</summary>
    private static readonly string[] s_ftsSyntax =
    [
        "\"", "a\"b", "NOT", "AND OR", "*", "^x", "title:x", "NEAR(a b)", "{title}: x", "(", ")", "a -", "--",
        "\"\"", "\"unterminated phrase", "a OR", "OR b", "a AND NOT b", "NEAR(a b, 3)", "{title body}: x", "- x", "-x", "-", "+x",
        "body:", "rank:bm25()", "x*y", "**", "\"*\"", "'", "a'b", "\\", "%", "_", "`", ";", "1 = 1",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Repeat("knee", 2_000)),
        "\"" + string.Join(' ', Enumerable.Repeat("knee", 2_000)) + "\"",
        string.Concat(Enumerable.Repeat("a\"b(", 2_500)),
    ];

    /// <summary>Hand-picked values for the filters, besides a sample of the naughty strings.</summary>
    private static readonly string[] s_filterValues = ["'", "' OR '1'='1", "%", "_", "\\", "rehab' --", "<script>alert(1)</script>", "", " ", new string('x', 10_000)];

    private static List<string> NaughtyStrings() => JsonSerializer.Deserialize<List<string>>(File.ReadAllText(RepoPaths.NaughtyStrings))!;

    [Fact]
    public async Task Search_EveryNaughtyStringAsQuery_AnswersOkWithResultsOrNoResults()
    {
        var strings = NaughtyStrings();
        using var client = factory.CreateForumClient();

        var failures = await FailuresAsync(client, strings.Select(s => (s, Query(("q", s)))));

        Assert.True(failures.Count == 0, $"{failures.Count} of {strings.Count} failed:\n{string.Join('\n', failures.Take(20))}");
    }

    [Fact]
    public async Task Search_FtsSyntaxAsQuery_AnswersOkWithResultsOrNoResults()
    {
        using var client = factory.CreateForumClient();

        var failures = await FailuresAsync(client, s_ftsSyntax.Select(s => (s, Query(("q", s)))));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Search_OperatorsAroundAWord_AreReadAsPlainTextAndStillFindIt()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        await Compose.StartThreadPathAsync(member, "rehab", "Plain text operators", $"Only {word} here.");
        using var client = factory.CreateForumClient();
        string[] wrapped = [$"\"{word}", $"{word}\"", $"^{word}", $"({word})", $"{word})", $"{{{word}}}", $"+{word}", $"{word}:"];
        var found = new List<string>();

        foreach (var q in wrapped)
        {
            found.Add($"{q} -> {(await HitsAsync(client, Query(("q", q)))).Count}");
        }

        Assert.Equal(wrapped.Select(q => $"{q} -> 1"), found);
    }

    [Fact]
    public async Task Search_HostileFilterValues_NeverAnswerServerError()
    {
        var strings = NaughtyStrings();
        var values = strings.Where((_, i) => i % 25 == 0).Concat(s_filterValues).ToList();
        using var client = factory.CreateForumClient();
        var failures = new List<string>();

        foreach (var value in values)
        {
            foreach (var name in new[] { "author", "topic", "from", "to", "sort", "page" })
            {
                var page = await client.GetAsync("/search?" + Query(("q", "knee"), (name, value)));
                if ((int)page.Status >= 500)
                {
                    failures.Add($"{(int)page.Status} for {name}={Show(value)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public async Task Snippet_BodyWithMarkup_ShowsItAsTextWithOnlyMarkElements()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        await Compose.StartThreadPathAsync(member, "rehab", "Markup in the body", $"<script>alert(1)</script> {word} <b>bold</b> &amp;");

        var page = await PageAsync(factory.CreateForumClient(), Query(("q", word)));

        var hit = Assert.Single(Hits(page));
        var elements = page.Document.QuerySelectorAll("p.snippet *");
        Assert.NotEmpty(elements);
        Assert.All(elements, e => Assert.Equal("mark", e.LocalName));
        Assert.Equal(word, Assert.Single(elements).TextContent);
        var text = hit.QuerySelector("p.snippet")!.TextContent;
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("<b>bold</b>", text, StringComparison.Ordinal);
        Assert.Contains("&amp;", text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("ol.search-results script, ol.search-results b"));
    }

    [Fact]
    public async Task Search_TitleWithMarkup_ShowsItAsText()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var title = $"<img src=x onerror=alert(1)> {word}";
        await Compose.StartThreadPathAsync(member, "rehab", title, "A plain body.");

        var page = await PageAsync(factory.CreateForumClient(), Query(("q", word)));

        var hit = Assert.Single(Hits(page));
        Assert.Equal(title, Title(hit));
        Assert.Null(hit.QuerySelector("img"));
        Assert.All(hit.QuerySelectorAll("p.snippet *"), e => Assert.Equal("mark", e.LocalName));
        Assert.Contains("<img src=x onerror=alert(1)>", hit.QuerySelector("p.snippet")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Runs each query in turn on one client; lists each that did not answer 200 with a results section.</summary>
    private static async Task<List<string>> FailuresAsync(ForumClient client, IEnumerable<(string Value, string Query)> queries)
    {
        var failures = new List<string>();
        foreach (var (value, query) in queries)
        {
            var page = await client.GetAsync("/search?" + query);
            // A blank query shows only the form; anything else shows hits or the "no results" line.
            var answered = string.IsNullOrWhiteSpace(value) || page.Document.QuerySelector("li.search-hit, p.search-empty") is not null;
            if (page.Status != HttpStatusCode.OK || !answered)
            {
                failures.Add($"{(int)page.Status} for q={Show(value)}");
            }
        }
        return failures;
    }

    private static string Show(string value) => JsonSerializer.Serialize(value.Length > 60 ? value[..60] + "…" : value);

    public sealed class UnhurriedForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:Search:TimeoutMilliseconds"] = "60000" };
    }
}
