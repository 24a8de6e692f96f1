using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Drafts;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Search;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.ContentWarnings;

/// <summary>
/// A content warning stays with the words it warns of: a moderator's warning survives its author's edit (the form says
/// a moderator added it), a draft keeps the warnings ticked with it, and a quote of a warned post is folded behind the
/// same warning.
/// </summary>
public sealed class ContentWarningCarryTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task AuthorEdit_UntickingAModeratorsWarning_KeepsIt_AndTheFormSaysAModeratorAddedIt()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await ContentWarning.StartWarnedThreadAsync(author, "injections", Unique("Warned by two"), "The needle and what came after.", "needles");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);
        await moderator.Client.SubmitAsync($"/moderation/posts/{postId}/warnings", $"/moderation/posts/{postId}/warnings",
            new() { ["ContentWarnings"] = "self-harm" });

        var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");

        var locked = form.Document.QuerySelector("input[type=checkbox][value=self-harm]")!;
        Assert.True(locked.HasAttribute("checked") && locked.HasAttribute("disabled"));
        Assert.StartsWith("added by a moderator", form.Document.QuerySelector("[data-added-by-moderator]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(form.Document.QuerySelector("input[type=checkbox][value=needles][disabled]"));

        var saved = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["ContentWarnings"] = "" });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("self-harm", await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == postId).Select(p => p.ContentWarnings).SingleAsync()));
        using var visitor = forum.CreateForumClient();
        Assert.Contains("Content warning: self-harm", ContentWarning.Box(await visitor.GetOkAsync(path), postId)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_WithWarningsTicked_IsRestoredWithThemTicked_InEveryComposer()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var path = await Compose.StartThreadPathAsync(member, "rehab", Unique("Draft warnings"), "Opening words.");
        var threadId = Compose.ThreadId(path);
        var page = await member.Client.GetOkAsync(path);

        var reply = await Drafting.ScriptPostAsync(member.Client, $"/drafts/thread/{threadId}", page.AntiforgeryToken(),
            ("Body", Drafting.Text("The biopsy needle was")), ("ContentWarnings", "needles"));
        var thread = await Drafting.ScriptPostAsync(member.Client, "/drafts/topic/rehab", page.AntiforgeryToken(),
            ("Title", "Half a title"), ("Body", Drafting.Text("After the operation")), ("ContentWarnings", "surgery"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        foreach (var composer in new[] { path, $"/threads/{threadId}/reply" })
        {
            var restored = await member.Client.GetOkAsync(composer);
            Assert.Equal(["needles"], Ticked(restored));
        }
        Assert.Equal(["surgery"], Ticked(await member.Client.GetOkAsync("/t/rehab/new")));
    }

    [Fact]
    public async Task Reply_QuotingAWarnedPost_IsFoldedBehindTheSameWarning_UntickedOrNot()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var replier = await Members.RegisterConfirmedAsync(forum);
        var path = await ContentWarning.StartWarnedThreadAsync(author, "injections", Unique("Quoted needles"), "The needle went deep into the joint.", "needles");
        var quotedId = await ModerationState.OpeningPostIdAsync(replier.Client, path);
        var body = $"> **{author.DisplayName}** [wrote](/posts/{quotedId}):\n>\n> The needle went deep into the joint.\n\nSame for me.";

        var page = await Compose.ReplyAsync(replier, path, body);

        var replyId = Searching.LastPostId(page);
        Assert.Equal("needles", await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == replyId).Select(p => p.ContentWarnings).SingleAsync()));
        using var visitor = forum.CreateForumClient();
        var box = ContentWarning.Box(await visitor.GetOkAsync(path), replyId);
        Assert.NotNull(box);
        Assert.False(box.HasAttribute("open"));
        Assert.Contains("needle went deep", box.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Ticked(ForumClient.Page page) =>
        page.Document.QuerySelectorAll("form.composer input[type=checkbox][name=ContentWarnings][checked]").Select(i => i.GetAttribute("value")!).ToList();
}
