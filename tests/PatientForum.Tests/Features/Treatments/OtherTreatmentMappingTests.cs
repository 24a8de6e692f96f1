using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>Moderators map what members named under "Other treatment" to a listed treatment, which then counts those stories.</summary>
public sealed class OtherTreatmentMappingTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Page = "/moderation/treatments";

    [Fact]
    public async Task Map_StoriesNamedAlike_MovesEveryOneToTheTreatment_KeepsTheirFormerVersion_AndLogsIt()
    {
        var token = $"k{Guid.NewGuid():N}"[..8];
        var treatment = await NewTreatmentAsync(factory, "t" + token);
        var (first, second, third) = (await Members.RegisterConfirmedAsync(factory), await Members.RegisterConfirmedAsync(factory), await Members.RegisterConfirmedAsync(factory));
        var ozone = (await StartAsync(first, "rehab", "Ozone for my knee", Details("other", 7, 4, ("OtherTreatment", $"Ozone shots {token}")))).Url;
        await StartAsync(second, "rehab", "My ozone story", Details("other", 6, 2, ("OtherTreatment", $"  ozone   SHOTS {token}")));
        await StartAsync(third, "rehab", "Cupping", Details("other", 5, 5, ("OtherTreatment", $"Cupping {token}")));
        var moderator = await Staff.ModeratorAsync(factory);

        var before = await moderator.Client.GetOkAsync(Page);
        Assert.Equal("2 stories", Group(before, $"Ozone shots {token}"));
        Assert.Equal("1 story", Group(before, $"Cupping {token}"));
        var mapped = await moderator.Client.SubmitAsync(before, FormFor(before, $"Ozone shots {token}"),
            new Dictionary<string, string?> { ["Treatment"] = treatment });

        Assert.Equal("2 stories mapped.", mapped.TextOf("p.notice"));
        Assert.Null(Group(mapped, $"Ozone shots {token}"));
        Assert.Equal("1 story", Group(mapped, $"Cupping {token}"));
        var records = await WithDbAsync(factory, db => db.TreatmentRecords.Include(r => r.Revisions)
            .Where(r => r.Revisions.Any(v => v.Snapshot.Contains(token))).Select(r => new { r.Treatment!.Slug, r.OtherTreatment, r.Revisions.Count }).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal((treatment, (string?)null, 1), (r.Slug, r.OtherTreatment, r.Count)));
        var visitor = factory.CreateForumClient();
        Assert.Equal(2, JsonDocument.Parse((await visitor.GetOkAsync($"/treatments/{treatment}.json")).Text).RootElement.GetProperty("stories").GetInt32());
        var summary = (await visitor.GetOkAsync(ozone)).TextOf("section.treatment-summary dd a");
        Assert.StartsWith("Test treatment", summary, StringComparison.Ordinal);
        var logged = await WithDbAsync(factory, db => db.ModerationActions.Where(a => a.Kind == ModerationKind.MapTreatment && a.Details!.Contains(token)).Select(a => a.Details).ToListAsync());
        Assert.Equal([$"“Ozone shots {token}” → Test treatment {treatment[5..]} (2 stories)"], logged);
    }

    [Theory]
    [InlineData("")]
    [InlineData("other")]
    [InlineData("no-such-treatment")]
    public async Task Map_WithoutAListedTreatment_ShowsTheFormAgainWithTheReason_AndMovesNothing(string chosen)
    {
        var token = $"k{Guid.NewGuid():N}"[..8];
        var member = await Members.RegisterConfirmedAsync(factory);
        await StartAsync(member, "rehab", "Acupuncture", Details("other", 6, 4, ("OtherTreatment", $"Acupuncture {token}")));
        var moderator = await Staff.ModeratorAsync(factory);
        var page = await moderator.Client.GetOkAsync(Page);

        var refused = await moderator.Client.SubmitAsync(page, FormFor(page, $"Acupuncture {token}"),
            new Dictionary<string, string?> { ["Treatment"] = chosen });

        Assert.Equal((HttpStatusCode)422, refused.Status);
        Assert.Equal("Choose the listed treatment these stories should count under.", refused.TextOf("p.field-error"));
        Assert.Equal("1 story", Group(refused, $"Acupuncture {token}"));
        Assert.Equal(1, await WithDbAsync(factory, db => db.TreatmentRecords.CountAsync(r => r.OtherTreatment == $"Acupuncture {token}")));
    }

    /// <summary>How many stories the page lists under <paramref name="words"/>, or null when it lists no such words.</summary>
    private static string? Group(ForumClient.Page page, string words) => Item(page, words)?.QuerySelector("p.hint")!.TextContent.Trim();

    /// <summary>A selector for the mapping form of <paramref name="words"/>.</summary>
    private static string FormFor(ForumClient.Page page, string words) =>
        $"form[aria-labelledby='{Item(page, words)!.QuerySelector("form")!.GetAttribute("aria-labelledby")}']";

    private static AngleSharp.Dom.IElement? Item(ForumClient.Page page, string words) =>
        page.Document.QuerySelectorAll("ul.other-treatments > li").FirstOrDefault(li => li.QuerySelector("h2")!.TextContent.Trim() == $"“{words}”");
}
