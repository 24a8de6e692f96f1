using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Seeding;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.TopicAdmin;

/// <summary>
/// Admins add topics, change a topic's address (old links keep working by a permanent redirect, and seeding again from
/// topics.json adds no second topic), and archive a topic whose threads have been moved (and restore it).
/// </summary>
public sealed class TopicLifecycleTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Add_WithANameOnly_TakesItsAddressFromTheName_IsListedAndOpenForThreads_AndIsAudited()
    {
        var admin = await Staff.AdminAsync(forum);
        var token = Token();

        var added = await AddAsync(admin, new() { ["Name"] = $"Back pain {token}", ["Description"] = "Lower and upper back." });

        Assert.Equal("Topic saved.", added.TextOf("p.notice"));
        var visitor = forum.CreateForumClient();
        Assert.Contains($"Back pain {token}", (await visitor.GetOkAsync("/")).TextsOf(".topic-list h3 a"));
        Assert.Equal("Lower and upper back.", (await visitor.GetOkAsync($"/t/back-pain-{token}")).TextOf("main p"));
        var member = await Members.RegisterConfirmedAsync(forum);
        Assert.StartsWith("/threads/", await Compose.StartThreadPathAsync(member, $"back-pain-{token}", "First thread here", "Words."), StringComparison.Ordinal);
        Assert.Contains($"back-pain-{token}: added", await ChangesAsync());
    }

    [Theory]
    [InlineData("rehab", "Another topic (an archived one, perhaps) has the address /t/rehab.")]
    [InlineData("Bad Address", "An address has 2 to 80 lower-case letters, digits and single hyphens, such as \"back-pain\".")]
    public async Task Add_WithATakenOrMalformedAddress_Answers422WithTheReason_KeepsWhatWasTyped_AndAddsNothing(string slug, string message)
    {
        var admin = await Staff.AdminAsync(forum);
        var name = $"Shoulders {Token()}";
        var topics = await TopicCountAsync();

        var refused = await AddAsync(admin, new() { ["Name"] = name, ["Slug"] = slug, ["Description"] = "Kept when refused." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(message, refused.TextOf("#new-topic-slug-error"));
        Assert.Equal((name, slug, "Kept when refused."), (refused.Document.QuerySelector("#new-topic-name")!.GetAttribute("value"),
            refused.Document.QuerySelector("#new-topic-slug")!.GetAttribute("value"), refused.TextOf("#new-topic-description")));
        Assert.Equal(topics, await TopicCountAsync());
    }

    [Fact]
    public async Task ChangeAddress_OldLinksRedirectPermanentlyToTheSamePage_TreatmentsFollow_AndTheOldAddressStaysReserved()
    {
        var admin = await Staff.AdminAsync(forum);
        var token = Token();
        var (old, renamed) = ($"hips-{token}", $"hip-pain-{token}");
        await AddAsync(admin, new() { ["Name"] = $"Hips {token}", ["Slug"] = old });
        await ModerationState.QueryAsync(forum, db =>
        {
            db.Treatments.Add(new Treatment { Slug = $"hip-{token}", Name = $"Hip treatment {token}", TopicSlugs = $"rehab {old}", SortOrder = 60 });
            return db.SaveChangesAsync();
        });

        var saved = await admin.Client.SubmitAsync(await admin.Client.GetOkAsync("/admin/topics"), $"form[action='/admin/topics/{old}']",
            new Dictionary<string, string?> { ["Slug"] = renamed });

        Assert.Equal("Topic saved.", saved.TextOf("p.notice"));
        var visitor = forum.CreateForumClient(followRedirects: false);
        foreach (var (from, to) in new[] { ($"/t/{old}", $"/t/{renamed}"), ($"/t/{old}?page=2", $"/t/{renamed}?page=2"), ($"/t/{old}/feed.rss", $"/t/{renamed}/feed.rss") })
        {
            var answer = await visitor.GetAsync(from);
            Assert.Equal((HttpStatusCode.MovedPermanently, to), (answer.Status, answer.Response.Headers.Location?.OriginalString));
        }
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/t/{renamed}")).Status);
        Assert.Equal($"rehab {renamed}", await ModerationState.QueryAsync(forum, db => db.Treatments.Where(t => t.Slug == $"hip-{token}").Select(t => t.TopicSlugs).SingleAsync()));
        Assert.Contains($"{renamed}: address: /t/{old} → /t/{renamed}", await ChangesAsync());
        var taken = await AddAsync(admin, new() { ["Name"] = $"Other hips {token}", ["Slug"] = old });
        Assert.Equal($"/t/{old} was another topic's address, and its old links lead there: choose another.", taken.TextOf("#new-topic-slug-error"));
    }

    [Fact]
    public async Task Archive_ATopicWithThreads_IsRefusedSayingHowManyToMove_AnEmptyOne_IsListedNowhere_UntilRestored()
    {
        var admin = await Staff.AdminAsync(forum);
        var token = Token();
        var slug = $"elbows-{token}";
        await AddAsync(admin, new() { ["Name"] = $"Elbows {token}", ["Slug"] = slug });
        var page = await admin.Client.GetOkAsync("/admin/topics");

        var refused = await admin.Client.SubmitAsync(page, "form[action='/admin/topics/rehab/archive']", new Dictionary<string, string?>());
        var archived = await admin.Client.SubmitAsync(page, $"form[action='/admin/topics/{slug}/archive']", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Move them to another topic first", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Topic saved.", archived.TextOf("p.notice"));
        var visitor = forum.CreateForumClient();
        Assert.DoesNotContain($"Elbows {token}", (await visitor.GetOkAsync("/")).TextsOf(".topic-list h3 a"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/t/{slug}")).Status);
        var member = await Members.RegisterConfirmedAsync(forum);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/t/{slug}/new")).Status);

        await admin.Client.SubmitAsync(archived, $"form[action='/admin/topics/{slug}/restore']", new Dictionary<string, string?>());
        Assert.Contains($"Elbows {token}", (await visitor.GetOkAsync("/")).TextsOf(".topic-list h3 a"));
        Assert.Equal([$"{slug}: archived", $"{slug}: restored"], (await ChangesAsync()).Where(c => c!.StartsWith(slug, StringComparison.Ordinal) && !c.EndsWith("added", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Restart_AfterAnAdminChangedASeededTopicsAddress_SeedsNoSecondTopic_AndTheGuideStaysInIt()
    {
        using var installation = new SeedFolderForum();
        using (var first = installation.Start())
        {
            var admin = await Staff.AdminAsync(first);
            await admin.Client.SubmitAsync(await admin.Client.GetOkAsync("/admin/topics"), "form[action='/admin/topics/rehab']",
                new Dictionary<string, string?> { ["Slug"] = "rehabilitation" });
        }

        using var second = installation.Start();
        var topics = await ModerationState.QueryAsync(second, db => db.Topics.OrderBy(t => t.Id).Select(t => t.Slug).ToListAsync());
        var guideTopics = await ModerationState.QueryAsync(second, db => db.Threads.Where(t => t.IsPinned).Select(t => t.Topic!.Slug).Distinct().ToListAsync());
        var physio = await ModerationState.QueryAsync(second, db => db.Treatments.Where(t => t.Slug == "physiotherapy-programme").Select(t => t.TopicSlugs).SingleAsync());

        Assert.Equal(["injections", "biologics", "surgical-referral", "rehabilitation"], topics);
        Assert.Contains("rehabilitation", guideTopics);
        Assert.DoesNotContain("rehab", guideTopics);
        Assert.Equal("rehabilitation", physio);
    }

    private static string Token() => $"k{Guid.NewGuid():N}"[..8];

    private static async Task<ForumClient.Page> AddAsync(Member admin, Dictionary<string, string?> fields) =>
        await admin.Client.SubmitAsync(await admin.Client.GetOkAsync("/admin/topics"), "form[action='/admin/topics/new']", fields);

    private Task<int> TopicCountAsync() => ModerationState.QueryAsync(forum, db => db.Topics.CountAsync());

    private Task<List<string?>> ChangesAsync() => ModerationState.QueryAsync(forum, db => db.ModerationActions
        .Where(a => a.Kind == ModerationKind.ChangeTopic).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
}
