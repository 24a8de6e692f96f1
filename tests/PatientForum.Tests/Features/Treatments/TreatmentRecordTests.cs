using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Treatments;

public sealed class TreatmentRecordTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "biologics";

    [Fact]
    public async Task StartThread_WithTreatmentDetails_ShowsThemAsSummaryAtTopOfThread()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var page = await StartAsync(member, Topic, "PRP for my knee, three months on", Details("prp", 7, 3,
            ("ReliefAmount", "3"), ("ReliefUnit", "Weeks"), ("SideEffects", "Swelling"), ("CostBand", "Under250")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var summary = page.Document.QuerySelector("section.treatment-summary dl")!;
        var terms = summary.QuerySelectorAll("dt").Select(e => e.TextContent.Trim()).ToList();
        var values = summary.QuerySelectorAll("dd").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal("Platelet-rich plasma (PRP)", values[terms.IndexOf("Treatment")]);
        Assert.Equal("Knee", values[terms.IndexOf("Where")]);
        Assert.Equal("March 2025", values[terms.IndexOf("When")]);
        Assert.Equal("7 → 3", values[terms.IndexOf("Pain before → after (0–10)")]);
        Assert.Equal("3 weeks", values[terms.IndexOf("Time until it helped")]);
        Assert.Equal("Swelling", values[terms.IndexOf("Side effects")]);
        Assert.Equal("Yes", values[terms.IndexOf("Would have it again")]);
        Assert.Equal("Edit the treatment details", page.TextOf("section.treatment-summary .post-actions a"));
    }

    [Fact]
    public async Task StartThread_WithoutTreatmentDetails_HasNoRecord()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var page = await StartAsync(member, Topic, "Just a question about PRP", []);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("section.treatment-summary"));
        var id = Compose.ThreadId(page.Url);
        Assert.False(await WithDbAsync(factory, db => db.TreatmentRecords.AnyAsync(r => r.ThreadId == id)));
    }

    [Theory]
    [InlineData("PainBefore", "11", "Pain before must be a whole number from 0 to 10.")]
    [InlineData("PainAfter", "-1", "Pain after must be a whole number from 0 to 10.")]
    [InlineData("Year", "2999", "The month of the treatment is in the future: give the month it took place.")]
    [InlineData("Treatment", "other", "You chose \"Other treatment\": say what it was.")]
    [InlineData("WouldRepeat", "", "Say whether you would have this treatment again: yes, no or not sure.")]
    public async Task StartThread_WithInvalidTreatmentDetails_Answers422KeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = $"My treatment story {Guid.NewGuid():N}"[..40];
        var before = await ThreadCountAsync(factory);

        var page = await StartAsync(member, Topic, title, Details("prp", 6, 2, (field, value), ("OtherSideEffects", "Tired for a day")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains(message, page.TextOf(".treatment-fields")!, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("details.treatment-fields[open]"));
        Assert.Equal(title, page.Document.QuerySelector("input#Title")!.GetAttribute("value"));
        Assert.Equal("Tired for a day", page.Document.QuerySelector("#treatment-OtherSideEffects")!.GetAttribute("value"));
        if (field is "PainBefore" or "PainAfter")
        {
            Assert.Equal(value, page.Document.QuerySelector($"#treatment-{field}")!.GetAttribute("value"));
        }
        Assert.Equal(before, await ThreadCountAsync(factory));
    }

    [Fact]
    public async Task EditRecord_ByAuthor_ChangesSummaryAndKeepsEarlierVersion()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var thread = await StartAsync(member, Topic, "Hyaluronic acid for my hip", Details("hyaluronic-acid", 8, 6));
        var id = Compose.ThreadId(thread.Url);

        var edit = await member.Client.GetOkAsync($"/threads/{id}/treatment");
        var saved = await member.Client.SubmitAsync(edit, "main form[method='post']", new Dictionary<string, string?>
        {
            ["Treatment.PainAfter"] = "2", ["Treatment.BodyArea"] = "Hip",
        });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("8 → 2", saved.TextOf("section.treatment-summary")!, StringComparison.Ordinal);
        var revisions = await WithDbAsync(factory, db => db.TreatmentRecordRevisions
            .Where(v => db.TreatmentRecords.Any(r => r.ThreadId == id && r.Id == v.RecordId)).Select(v => v.Snapshot).ToListAsync());
        Assert.Contains("\"PainAfter\":6", Assert.Single(revisions), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditRecord_ByAnotherMember_IsRefusedAndChangesNothing()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var thread = await StartAsync(author, Topic, "Stem cells for my shoulder", Details("stem-cell-bmac", 6, 5));
        var id = Compose.ThreadId(thread.Url);

        var form = await other.Client.GetAsync($"/threads/{id}/treatment");
        var post = await other.Client.PostAsync($"/threads/{id}/treatment", Details("stem-cell-bmac", 0, 0).ToDictionary(f => f.Key, f => f.Value));

        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(6, await WithDbAsync(factory, db => db.TreatmentRecords.Where(r => r.ThreadId == id).Select(r => r.PainBefore).SingleAsync()));
        Assert.Null((await other.Client.GetOkAsync(thread.Url)).Document.QuerySelector("section.treatment-summary .post-actions"));
    }
}
