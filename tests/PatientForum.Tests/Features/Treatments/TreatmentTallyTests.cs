using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.AccountDeletion;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Treatments;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>
/// The charts' rows are updated one story at a time rather than counted again from every record; these check that the
/// rows always equal a count from scratch of the records as they are, whatever changed them and however many at once.
/// </summary>
public sealed class TreatmentTallyTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Aggregates_AfterAddsFollowUpsEditsHidesDeletionsAndARemap_EqualACountFromScratch()
    {
        var topic = "tt-" + Guid.NewGuid().ToString("N")[..8];
        var treatment = await NewTreatmentAsync(factory, topic);
        var other = await SecondTreatmentAsync(topic);
        var moderator = await Staff.ModeratorAsync(factory);

        var kept = await StoryAsync(topic, Details(treatment, 8, 2));
        await StoryAsync(topic, Details(treatment, 7, 3, ("BodyArea", "Hip")), membersOnly: true);
        var followedUp = await StoryAsync(topic, Details(treatment, 6, 6, ("ReliefAmount", "3"), ("ReliefUnit", "Weeks")));
        var edited = await StoryAsync(topic, Details(treatment, 9, 4, ("BodyArea", "Shoulder"), ("SideEffects", "Bruising")));
        var moved = await StoryAsync(topic, Details(treatment, 5, 5, ("WouldRepeat", "No")));
        var hidden = await StoryAsync(topic, Details(treatment, 4, 1));
        var anonymized = await StoryAsync(topic, Details(treatment, 3, 0));
        var erased = await StoryAsync(topic, Details(treatment, 2, 2, ("BodyArea", "Neck")));
        var keptOut = await StoryAsync(topic, Details(treatment, 7, 7));
        var token = $"k{Guid.NewGuid():N}"[..8];
        await StoryAsync(topic, Details("other", 6, 1, ("OtherTreatment", $"Ozone {token}")));

        await FollowUpAsync(followedUp, "2");
        await FollowUpAsync(kept, "1");
        var hiddenFollowUp = await WithDbAsync(factory, db => db.TreatmentFollowUps.Where(f => f.Post!.ThreadId == kept.ThreadId).Select(f => f.PostId).SingleAsync());
        await Moderating.ActAsync(moderator, hiddenFollowUp, "hide", "test of the charts");
        await EditAsync(edited, ("Treatment.PainAfter", "1"), ("Treatment.BodyArea", "Hip"));
        await EditAsync(moved, ("Treatment.Treatment", other));
        await EditAsync(keptOut, ("Treatment.KeepOutOfCharts", "true"));
        await Moderating.ActAsync(moderator, await OpeningPostAsync(hidden.ThreadId), "hide", "test of the charts");
        Assert.Equal(HttpStatusCode.OK, (await Deleting.DeleteAccountAsync(anonymized.Author, "anonymize")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Deleting.DeleteAccountAsync(erased.Author, "erase")).Status);
        var mapping = await moderator.Client.GetOkAsync("/moderation/treatments");
        var group = mapping.Document.QuerySelectorAll("ul.other-treatments > li").Single(li => li.QuerySelector("h2")!.TextContent.Trim() == $"“Ozone {token}”");
        var mapped = await moderator.Client.SubmitAsync(mapping, $"form[aria-labelledby='{group.QuerySelector("form")!.GetAttribute("aria-labelledby")}']",
            new Dictionary<string, string?> { ["Treatment"] = treatment });
        Assert.Equal("1 story mapped.", mapped.TextOf("p.notice"));

        Assert.Null(await WithDbAsync(factory, db => db.TreatmentRecords.Where(r => r.ThreadId == erased.ThreadId).Select(r => (int?)r.Id).SingleOrDefaultAsync()));
        var rows = await StoredAsync(treatment);
        Assert.Equal(await FromScratchAsync(treatment), rows);
        Assert.Equal(await FromScratchAsync(other), await StoredAsync(other));
        Assert.Equal(await FromScratchAsync("other"), await StoredAsync("other"));

        // Kept, members-only, followed up, edited and the one mapped in; the members' row for all areas counts them.
        Assert.StartsWith("0/Members: 5 stories", rows.Single(r => r.StartsWith("0/Members", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("0/Public: 4 stories", rows.Single(r => r.StartsWith("0/Public", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aggregates_StoriesSavedAtOnce_CountEveryOne()
    {
        var topic = "tt-" + Guid.NewGuid().ToString("N")[..8];
        var treatment = await NewTreatmentAsync(factory, topic);
        var authors = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Members.RegisterConfirmedAsync(factory)));
        var forms = await Task.WhenAll(authors.Select(a => a.Client.GetOkAsync($"/t/{topic}/new")));

        var pages = await Task.WhenAll(authors.Select((a, i) => a.Client.SubmitAsync(forms[i], Compose.NewThreadForm,
            new Dictionary<string, string?>(Details(treatment, i % 11, (i * 3) % 11)) { ["Title"] = $"At once {i} {Guid.NewGuid():N}"[..24], ["Body"] = "Saved at the same moment as the others." })));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var rows = await StoredAsync(treatment);
        Assert.Equal(await FromScratchAsync(treatment), rows);
        Assert.StartsWith("0/Members: 8 stories", rows.Single(r => r.StartsWith("0/Members", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_RecordsWithoutTallies_CountsTheirTreatmentAgainFromScratch()
    {
        var topic = "tt-" + Guid.NewGuid().ToString("N")[..8];
        var treatment = await NewTreatmentAsync(factory, topic);
        await StoryAsync(topic, Details(treatment, 8, 2));
        await StoryAsync(topic, Details(treatment, 6, 3, ("BodyArea", "Hip")));
        var expected = await StoredAsync(treatment);
        await WithDbAsync(factory, async db =>
        {
            // As a forum counted before tallies were kept would have it, with rows that have drifted as well.
            var id = await db.Treatments.Where(t => t.Slug == treatment).Select(t => t.Id).SingleAsync();
            await db.TreatmentTallies.Where(t => t.TreatmentId == id).ExecuteDeleteAsync();
            return await db.TreatmentAggregates.Where(a => a.TreatmentId == id).ExecuteUpdateAsync(a => a.SetProperty(r => r.Stories, 99));
        });

        await factory.Services.GetRequiredService<TreatmentTallyRepair>().RepairAsync(CancellationToken.None);

        Assert.Equal(expected, await StoredAsync(treatment));
        Assert.Equal(await FromScratchAsync(treatment), expected);
    }

    private sealed record Story(Member Author, int ThreadId);

    private async Task<Story> StoryAsync(string topic, Dictionary<string, string?> details, bool membersOnly = false)
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        if (membersOnly)
        {
            details["Audience"] = "Members";
        }
        var page = await StartAsync(author, topic, $"Story {Guid.NewGuid():N}"[..30], details);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return new(author, Compose.ThreadId(page.Url));
    }

    private static async Task FollowUpAsync(Story story, string pain)
    {
        var form = await story.Author.Client.GetOkAsync($"/threads/{story.ThreadId}/follow-up");
        var page = await story.Author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Pain"] = pain, ["Note"] = "Better." });
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    private static async Task EditAsync(Story story, params (string Name, string? Value)[] fields)
    {
        var edit = await story.Author.Client.GetOkAsync($"/threads/{story.ThreadId}/treatment");
        var page = await story.Author.Client.SubmitAsync(edit, "main form[method='post']", fields.ToDictionary(f => f.Name, f => f.Value));
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    private Task<int> OpeningPostAsync(int threadId) =>
        WithDbAsync(factory, db => db.Posts.Where(p => p.ThreadId == threadId && p.IsOpening).Select(p => p.Id).SingleAsync());

    /// <summary>A second treatment offered in the same topic, for a story that moves to it.</summary>
    private async Task<string> SecondTreatmentAsync(string topic)
    {
        var slug = "test-" + Guid.NewGuid().ToString("N")[..10];
        await WithDbAsync(factory, db =>
        {
            db.Treatments.Add(new Treatment { Slug = slug, Name = "Test treatment " + slug[5..], TopicSlugs = topic, SortOrder = 50 });
            return db.SaveChangesAsync();
        });
        return slug;
    }

    private Task<List<string>> StoredAsync(string slug) => WithDbAsync(factory, async db =>
    {
        var id = await db.Treatments.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
        return Describe(await db.TreatmentAggregates.AsNoTracking().Where(a => a.TreatmentId == id).ToListAsync());
    });

    private async Task<List<string>> FromScratchAsync(string slug)
    {
        var id = await WithDbAsync(factory, db => db.Treatments.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());
        using var scope = factory.Services.CreateScope();
        return Describe(await scope.ServiceProvider.GetRequiredService<TreatmentAggregator>().CountFromScratchAsync(id, CancellationToken.None));
    }

    /// <summary>Everything a row holds that a page shows, one line per row in a fixed order.</summary>
    private static List<string> Describe(IEnumerable<TreatmentAggregate> rows) =>
    [
        .. rows.OrderBy(r => r.BodyArea).ThenBy(r => r.Scope).Select(r =>
            $"{r.BodyArea}/{r.Scope}: {r.Stories} stories, before {r.PainBefore}, after {r.PainAfter}, relief {r.Relief}, effects {r.SideEffects}, "
            + $"follow-ups {r.FollowUpPain}, again {r.AgainYes}/{r.AgainNo}/{r.AgainUnsure}"),
    ];
}
