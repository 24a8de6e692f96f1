using System.Net;
using System.Text.RegularExpressions;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>A treatment story's record, summed up in its thread's row wherever the row is listed, and kept current there.</summary>
public sealed partial class TreatmentRowTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "biologics";

    [Fact]
    public async Task ThreadRows_OnTheTopicAndHomePages_SumUpTheRecord_AndARowWithoutOneShowsNone()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var story = Compose.ThreadId((await StartAsync(member, Topic, $"PRP, then physio {Guid.NewGuid():N}"[..30], Details("prp", 7, 3))).Url);
        var other = Compose.ThreadId((await StartAsync(member, Topic, $"Ozone for my knee {Guid.NewGuid():N}"[..30],
            Details("other", 6, 4, ("OtherTreatment", "Ozone shots")))).Url);
        var question = Compose.ThreadId((await StartAsync(member, Topic, $"Just a question {Guid.NewGuid():N}"[..30], [])).Url);
        using var visitor = factory.CreateForumClient();

        foreach (var path in new[] { $"/t/{Topic}", $"/?topic={Topic}" })
        {
            var page = await visitor.GetOkAsync(path);
            Assert.Equal("Platelet-rich plasma (PRP) · pain 7 → 3 of 10", Shown(page, story));
            Assert.Equal("Treatment story: Platelet-rich plasma (PRP) · pain 7 before, 3 after, of 10", Read(page, story));
            Assert.StartsWith("Other treatment: Ozone shots · pain 6", Shown(page, other), StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector($"#thread-{question} .thread-treatment"));
        }
    }

    [Fact]
    public async Task RecordEdited_AVisitorsCachedTopicPage_ShowsTheNewFigures()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var id = Compose.ThreadId((await StartAsync(member, Topic, $"Hyaluronic acid {Guid.NewGuid():N}"[..30], Details("hyaluronic-acid", 8, 6))).Url);
        using var visitor = factory.CreateForumClient();
        await visitor.GetOkAsync($"/t/{Topic}");
        var cached = await visitor.GetOkAsync($"/t/{Topic}");

        var edit = await member.Client.GetOkAsync($"/threads/{id}/treatment");
        var saved = await member.Client.SubmitAsync(edit, "main form[method='post']", new Dictionary<string, string?> { ["Treatment.PainAfter"] = "2" });
        var after = await visitor.GetOkAsync($"/t/{Topic}");

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.True(cached.Response.Headers.Age is not null, "The topic page was not cached, so this test proves nothing about eviction.");
        Assert.EndsWith("pain 8 → 6 of 10", Shown(cached, id), StringComparison.Ordinal);
        Assert.EndsWith("pain 8 → 2 of 10", Shown(after, id), StringComparison.Ordinal);
    }

    /// <summary>The row's treatment line as it shows on screen (the words for screen readers left out), spaces collapsed.</summary>
    private static string Shown(ForumClient.Page page, int threadId) => TextWithout(page, threadId, ".visually-hidden");

    /// <summary>The row's treatment line as a screen reader reads it (the arrow is hidden from it), spaces collapsed.</summary>
    private static string Read(ForumClient.Page page, int threadId) => TextWithout(page, threadId, "[aria-hidden='true']");

    private static string TextWithout(ForumClient.Page page, int threadId, string left)
    {
        var line = (AngleSharp.Dom.IElement)page.Document.QuerySelector($"#thread-{threadId} .thread-treatment")!.Clone(deep: true);
        foreach (var hidden in line.QuerySelectorAll(left).ToList())
        {
            hidden.Remove();
        }
        return Spaces().Replace(line.TextContent, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
