using System.Net;
using System.Text.Json;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Search;

public sealed class HostileSearchTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private static readonly string[] s_syntax =
    [
        "\"", "a\"b", "NOT", "AND OR", "*", "^foo", "col:foo", "title:x", "NEAR(a b)", "{title}: x", "(", ")", "a -", "--", "\"unterminated",
        "\u0000", "\u0001mark\u0002", new string('x', 10_000), "🦵 knee", "ركبة", "-\"\"", "\"\"*", "a OR", "+", "body:", "rank:bm25()",
    ];

    [Fact]
    public async Task AnyQueryString_GivesResultsOrNoResults_NeverAnError()
    {
        var strings = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(RepoPaths.NaughtyStrings))!.Concat(s_syntax).ToList();
        var client = factory.CreateForumClient();
        var failures = new List<string>();

        foreach (var value in strings)
        {
            var page = await client.GetAsync("/search?q=" + Uri.EscapeDataString(value));
            if (page.Status != HttpStatusCode.OK || (page.Document.QuerySelector(".search-empty, li.search-hit") is null && value.Any(char.IsLetterOrDigit)))
            {
                failures.Add($"{(int)page.Status} for {Show(value)}");
            }
        }
        foreach (var value in strings.Take(60))
        {
            var page = await client.GetAsync($"/search?q=knee&author={Uri.EscapeDataString(value)}&topic={Uri.EscapeDataString(value)}");
            if ((int)page.Status >= 500)
            {
                failures.Add($"{(int)page.Status} for filters {Show(value)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task Snippet_EncodesPostTextBeforeMarkingMatches()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        const string word = "zqsnippetword";
        await Compose.StartThreadPathAsync(member, "rehab", "Snippet safety", $"<script>alert(1)</script> {word} <b>bold</b> &amp; \u0001fake\u0002 {word}");

        var page = await factory.CreateForumClient().GetOkAsync($"/search?q={word}");

        var snippet = Assert.Single(page.Document.QuerySelectorAll("p.snippet"));
        Assert.All(snippet.QuerySelectorAll("*"), e => Assert.Equal("mark", e.LocalName));
        Assert.Equal(2, snippet.QuerySelectorAll("mark").Length);
        Assert.All(snippet.QuerySelectorAll("mark"), m => Assert.Equal(word, m.TextContent));
        Assert.Contains("<script>alert(1)</script>", snippet.TextContent, StringComparison.Ordinal);
    }

    private static string Show(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
