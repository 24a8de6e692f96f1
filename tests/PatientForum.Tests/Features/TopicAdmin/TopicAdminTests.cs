using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Seeding;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.TopicAdmin;

/// <summary>
/// /admin/topics: an admin renames, describes, reorders and sets the alias option of a topic; visitors' cached pages
/// show it at once, the audit log keeps it, and seeding again from topics.json does not undo it.
/// </summary>
public sealed class TopicAdminTests
{
    [Fact]
    public async Task Save_ANewNameAndDescription_ShowsThemToVisitorsAtOnce_AndIsAudited()
    {
        using var forum = new ForumFactory();
        var admin = await Staff.AdminAsync(forum);
        using var visitor = forum.CreateForumClient();
        await visitor.GetOkAsync("/");
        var cached = await visitor.GetOkAsync("/");

        var saved = await SaveAsync(admin, "rehab", new() { ["Name"] = "Rehab and exercise", ["Description"] = "Moving again, step by step." });
        var home = await visitor.GetOkAsync("/");
        var topic = await visitor.GetOkAsync("/t/rehab");

        Assert.NotNull(cached.Response.Headers.Age);
        Assert.Equal("Topic saved.", saved.TextOf("p.notice"));
        Assert.Contains("Rehab and exercise", home.TextsOf(".topic-list a"));
        Assert.Equal("Rehab and exercise", topic.TextOf("h1"));
        Assert.Contains("Moving again, step by step.", topic.Text, StringComparison.Ordinal);
        Assert.Equal(["rehab: name: Rehab → Rehab and exercise; description changed"], await ChangesAsync(forum));
    }

    [Fact]
    public async Task Save_AnEmptyName_Answers422WithTheMessageAndTheTypedDescription_AndSavesNothing()
    {
        using var forum = new ForumFactory();
        var admin = await Staff.AdminAsync(forum);

        var refused = await SaveAsync(admin, "biologics", new() { ["Name"] = " ", ["Description"] = "Typed, not saved." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("A topic needs a name.", refused.TextOf("#topic-biologics .field-error"));
        Assert.Equal("Typed, not saved.", refused.TextOf("#topic-biologics-description"));
        Assert.Equal("Biologics", await ModerationState.QueryAsync(forum, db => db.Topics.Where(t => t.Slug == "biologics").Select(t => t.Name).SingleAsync()));
        Assert.Empty(await ChangesAsync(forum));
    }

    [Fact]
    public async Task MoveUp_TheLastTopic_PutsItThirdOnTheHomePage()
    {
        using var forum = new ForumFactory();
        var admin = await Staff.AdminAsync(forum);
        var page = await admin.Client.GetOkAsync("/admin/topics");

        await admin.Client.SubmitAsync(page, "form[action='/admin/topics/rehab/move']", new Dictionary<string, string?> { ["direction"] = "up" });
        var home = await forum.CreateForumClient().GetOkAsync("/");

        Assert.Equal(["Injections", "Biologics", "Rehab", "Surgical referral"], home.TextsOf(".topic-list h3 a"));
        Assert.Equal(["rehab: moved up to place 3"], await ChangesAsync(forum));
    }

    [Fact]
    public async Task Restart_AfterAnAdminRenamesATopicAndTurnsAliasesOff_KeepsTheirChange()
    {
        using var installation = new SeedFolderForum();
        using (var first = installation.Start())
        {
            var admin = await Staff.AdminAsync(first);
            await SaveAsync(admin, "injections", new() { ["Name"] = "Injections and procedures", ["AllowAliases"] = null });
        }

        using var second = installation.Start();
        var topic = await ModerationState.QueryAsync(second, db => db.Topics.SingleAsync(t => t.Slug == "injections"));

        Assert.Equal(("Injections and procedures", false), (topic.Name, topic.AllowAliases));
    }

    private static async Task<ForumClient.Page> SaveAsync(Member admin, string slug, Dictionary<string, string?> fields)
    {
        var page = await admin.Client.GetOkAsync("/admin/topics");
        if (fields.TryGetValue("AllowAliases", out var aliases) && aliases is null)
        {
            // An unticked box is not sent: leave it out of the form altogether.
            ((IHtmlInputElement)page.Document.QuerySelector($"#topic-{slug}-aliases")!).IsChecked = false;
            fields.Remove("AllowAliases");
        }
        return await admin.Client.SubmitAsync(page, $"form[action='/admin/topics/{slug}']", fields);
    }

    private static Task<List<string?>> ChangesAsync(ForumFactory forum) => ModerationState.QueryAsync(forum, db => db.ModerationActions
        .Where(a => a.Kind == ModerationKind.ChangeTopic).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
}
