using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>
/// The treatment pages against a small corpus counted by hand: pain before 8, 7, 9, 6, 5 (sorted 5 6 7 8 9: median 7,
/// quartiles 6 and 8) and after 2, 3, 4, 1, 6 (sorted 1 2 3 4 6: median 3, quartiles 2 and 4).
/// </summary>
public sealed class TreatmentChartTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private static readonly (int Before, int After)[] s_corpus = [(8, 2), (7, 3), (9, 4), (6, 1), (5, 6)];

    [Fact]
    public async Task TreatmentPage_WithFourStories_HidesFiguresAndWithFiveShowsThem()
    {
        var topic = Topic();
        var treatment = await NewTreatmentAsync(factory, topic);
        foreach (var (before, after) in s_corpus[..4])
        {
            await StoryAsync(topic, treatment, before, after);
        }
        var visitor = factory.CreateForumClient();

        var four = await visitor.GetOkAsync($"/treatments/{treatment}");
        await StoryAsync(topic, treatment, s_corpus[4].Before, s_corpus[4].After);
        var five = await visitor.GetOkAsync($"/treatments/{treatment}");

        Assert.Contains("4 stories", four.Text, StringComparison.Ordinal);
        Assert.Contains("Fewer than 5 stories", four.Text, StringComparison.Ordinal);
        Assert.Empty(four.Document.QuerySelectorAll("svg"));
        Assert.Contains("not a clinical trial", five.Text, StringComparison.Ordinal);
        Assert.Equal("Pain before and after (n = 5)", five.TextOf("#pain-heading"));
        Assert.Contains("Median pain went from 7 before to 3 after (middle half: 6–8 before, 2–4 after)", Regex.Replace(five.TextOf("#pain-heading + p")!, @"\s+", " "), StringComparison.Ordinal);
        var chart = five.Document.QuerySelector("svg[role='img']")!;
        Assert.StartsWith("Pain scores before and after", chart.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        var row = five.Document.QuerySelectorAll("section table tbody tr").First(r => r.QuerySelector("th")!.TextContent == "6");
        Assert.Equal(["1", "1"], row.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Equal($"/treatments/{treatment}/stories", five.Document.QuerySelector("#relief-heading ~ p a")!.GetAttribute("href"));
        var stories = await visitor.GetOkAsync($"/treatments/{treatment}/stories");
        Assert.Equal(5, stories.Document.QuerySelectorAll(".treatment-stories li").Length);
    }

    [Fact]
    public async Task TreatmentJsonAndCsv_WithFiveStories_HoldTheHandCountedFiguresAndNoRecord()
    {
        var topic = Topic();
        var treatment = await NewTreatmentAsync(factory, topic);
        var titles = new List<string>();
        foreach (var (painBefore, painAfter) in s_corpus)
        {
            titles.Add(await StoryAsync(topic, treatment, painBefore, painAfter));
        }
        var visitor = factory.CreateForumClient();

        var json = await visitor.GetOkAsync($"/treatments/{treatment}.json");
        var csv = await visitor.GetOkAsync($"/treatments/{treatment}.csv");

        var root = JsonDocument.Parse(json.Text).RootElement;
        Assert.Equal(5, root.GetProperty("stories").GetInt32());
        Assert.True(root.GetProperty("shown").GetBoolean());
        var before = root.GetProperty("painBefore");
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0], before.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal((7.0, 6.0, 8.0), (before.GetProperty("median").GetDouble(), before.GetProperty("lowerQuartile").GetDouble(), before.GetProperty("upperQuartile").GetDouble()));
        var after = root.GetProperty("painAfter");
        Assert.Equal((3.0, 2.0, 4.0), (after.GetProperty("median").GetDouble(), after.GetProperty("lowerQuartile").GetDouble(), after.GetProperty("upperQuartile").GetDouble()));
        Assert.Equal(5, root.GetProperty("wouldDoAgain").EnumerateArray().Single(e => e.GetProperty("label").GetString() == "Yes").GetProperty("count").GetInt32());
        Assert.Equal("text/csv", csv.Response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Text.Split("\r\n");
        Assert.Equal("figure,value,count", lines[0]);
        Assert.Contains("stories,all,5", lines);
        Assert.Contains("pain_before,7,1", lines);
        Assert.Contains("pain_before_median,,7", lines);
        Assert.Contains("pain_after_upper_quartile,,4", lines);
        Assert.DoesNotContain(titles, t => json.Text.Contains(t, StringComparison.Ordinal) || csv.Text.Contains(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TreatmentFigures_CountMembersOnlyAndHiddenStoriesOnlyWhereTheyMayBeSeen()
    {
        var topic = Topic();
        var treatment = await NewTreatmentAsync(factory, topic);
        var threads = new List<string>();
        foreach (var (before, after) in s_corpus)
        {
            threads.Add(await StoryAsync(topic, treatment, before, after));
        }
        await StoryAsync(topic, treatment, 4, 4, membersOnly: true);
        var visitor = factory.CreateForumClient();
        var member = await Members.RegisterConfirmedAsync(factory);

        var publicBefore = await StoriesAsync(visitor, treatment);
        var membersBefore = await StoriesAsync(member.Client, treatment);
        var moderator = await Staff.ModeratorAsync(factory);
        var openingId = await WithDbAsync(factory, db => Task.FromResult(db.Posts.Single(p => p.Thread!.Title == threads[0] && p.IsOpening).Id));
        await Moderating.ActAsync(moderator, openingId, "hide", "test of the charts");
        var publicAfter = await visitor.GetOkAsync($"/treatments/{treatment}.json");
        var topicPage = await visitor.GetOkAsync($"/t/{topic}");

        Assert.Equal(5, publicBefore);
        Assert.Equal(6, membersBefore);
        var root = JsonDocument.Parse(publicAfter.Text).RootElement;
        Assert.Equal(4, root.GetProperty("stories").GetInt32());
        Assert.False(root.GetProperty("shown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("painBefore").ValueKind);
        Assert.Equal(5, await StoriesAsync(member.Client, treatment));
        Assert.Contains("4 stories", topicPage.TextOf(".topic-treatments")!, StringComparison.Ordinal);
        Assert.Equal(1, await StoriesAsync(member.Client, treatment, "?area=hip"));
    }

    [Fact]
    public async Task TreatmentFigures_AuthorDeletesAccount_StoryNoLongerCounted()
    {
        var topic = Topic();
        var treatment = await NewTreatmentAsync(factory, topic);
        await StoryAsync(topic, treatment, 6, 2);
        var leaving = await Members.RegisterConfirmedAsync(factory);
        var page = await StartAsync(leaving, topic, $"Leaving soon {Guid.NewGuid():N}"[..30], Details(treatment, 9, 9));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var visitor = factory.CreateForumClient();
        var before = await StoriesAsync(visitor, treatment);

        await AccountDeletion.Deleting.DeleteAccountAsync(leaving, "anonymize");

        Assert.Equal(2, before);
        Assert.Equal(1, await StoriesAsync(visitor, treatment));
    }

    [Fact]
    public async Task TopicPage_WithStories_ChartsItsTreatmentsBesideTheirList()
    {
        var topic = Topic();
        var treatment = await NewTreatmentAsync(factory, topic);
        await StoryAsync(topic, treatment, 6, 2);

        var page = await factory.CreateForumClient().GetOkAsync($"/t/{topic}");

        var chart = page.Document.QuerySelector(".topic-treatments svg[role='img']")!;
        Assert.Equal("Stories with treatment details, per treatment in this topic", chart.QuerySelector("title")!.TextContent);
        Assert.Contains("1 (100%)", chart.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 story", page.TextOf(".topic-treatments li")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteNavigation_OnAnyPage_LinksToTheTreatments()
    {
        var home = await factory.CreateForumClient().GetOkAsync("/");

        var link = home.Document.QuerySelectorAll("nav[aria-label='Main'] a").Single(a => a.TextContent == "Treatments");

        Assert.Equal("/treatments", link.GetAttribute("href"));
    }

    private static string Topic() => "tt-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<int> StoriesAsync(ForumClient client, string treatment, string query = "") =>
        JsonDocument.Parse((await client.GetOkAsync($"/treatments/{treatment}.json{query}")).Text).RootElement.GetProperty("stories").GetInt32();

    /// <summary>One member's story with the given scores; the members-only one is about a hip, the others a knee.</summary>
    private async Task<string> StoryAsync(string topic, string treatment, int before, int after, bool membersOnly = false)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = $"Story {Guid.NewGuid():N}"[..30];
        var details = Details(treatment, before, after, ("BodyArea", membersOnly ? "Hip" : "Knee"));
        if (membersOnly)
        {
            details["Audience"] = "Members";
        }
        var page = await StartAsync(member, topic, title, details);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return title;
    }
}
