using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Search;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.ContentWarnings;

/// <summary>
/// Content warnings through the real pages: the author ticks one, readers get the post folded behind it, its text stays
/// out of search snippets and profile excerpts, members choose which warnings they always open, and moderators set them.
/// </summary>
public sealed class ContentWarningTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task WarnedThread_ForAVisitor_IsCollapsedBehindItsWarning()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var path = await ContentWarning.StartWarnedThreadAsync(author, "injections", Unique("My first injection"), "The needle went deep into the joint.", "needles");
        using var visitor = forum.CreateForumClient();

        var page = await visitor.GetOkAsync(path);

        var postId = await ModerationState.OpeningPostIdAsync(visitor, path);
        var box = ContentWarning.Box(page, postId);
        Assert.NotNull(box);
        Assert.False(box.HasAttribute("open"));
        Assert.Equal("Content warning: needles — show", string.Join(' ', box.QuerySelector("summary")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("The needle went deep", box.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberSetting_AlwaysShowNeedles_RendersTheWarnedPostOpen_AndOtherWarningsStayCollapsed()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var reader = await Members.RegisterConfirmedAsync(forum);
        var path = await ContentWarning.StartWarnedThreadAsync(author, "injections", Unique("Needle day"), "Three needles today.", "needles");
        var surgery = await ContentWarning.WarnedReplyAsync(author, path, "The incision was long.", "surgery");
        var surgeryId = Searching.LastPostId(surgery);

        var saved = await reader.Client.SubmitAsync("/account/content-warnings", "/account/content-warnings", new() { ["ContentWarnings"] = "needles" });
        var page = await reader.Client.GetOkAsync(path);

        Assert.Equal("Your choice is saved.", saved.TextOf("[role=status]"));
        Assert.True(saved.Document.QuerySelector("input[name=ContentWarnings][value=needles]")!.HasAttribute("checked"));
        Assert.True(ContentWarning.Box(page, await ModerationState.OpeningPostIdAsync(reader.Client, path))!.HasAttribute("open"));
        Assert.False(ContentWarning.Box(page, surgeryId)!.HasAttribute("open"));
    }

    [Fact]
    public async Task Search_WarnedPost_ShowsTheWarningInsteadOfASnippet()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var word = Searching.RareWord();
        await ContentWarning.StartWarnedThreadAsync(author, "rehab", Unique("Recovery notes"), $"{word} after the operation my scar bled badly.", "surgery");

        var hit = Assert.Single(await Searching.VisitorHitsAsync(forum, word));

        Assert.Equal("Content warning: surgery images or descriptions", hit.QuerySelector(".snippet")!.TextContent.Trim());
        Assert.DoesNotContain("scar bled", hit.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(word, hit.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_WarnedReply_ShowsTheWarningInsteadOfAnExcerpt()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Loss"), "Opening words.");
        await ContentWarning.WarnedReplyAsync(author, path, "My father died during the surgery.", "death-loss");
        using var visitor = forum.CreateForumClient();

        var profile = await visitor.GetOkAsync($"/u/{Uri.EscapeDataString(author.DisplayName)}");

        Assert.Contains("Content warning: death or loss", profile.Document.QuerySelector(".excerpt")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("father died", profile.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorEdit_TicksAWarning_AndTheComposerShowsItTicked()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Edited later"), "Some detail about my wound.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);

        var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");
        await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["ContentWarnings"] = "medical-detail" });
        var again = await author.Client.GetOkAsync($"/posts/{postId}/edit");

        Assert.True(again.Document.QuerySelector("input[name=ContentWarnings][value=medical-detail]")!.HasAttribute("checked"));
        Assert.NotNull(ContentWarning.Box(await author.Client.GetOkAsync(path), postId));
        Assert.Equal("medical-detail", await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == postId).Select(p => p.ContentWarnings).SingleAsync()));
    }

    [Fact]
    public async Task Moderator_AddsThenRemovesAWarning_EachChangeAudited()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Unwarned"), "I thought about hurting myself.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);
        using var visitor = forum.CreateForumClient();

        var added = await moderator.Client.SubmitAsync($"/moderation/posts/{postId}/warnings", $"/moderation/posts/{postId}/warnings", new() { ["ContentWarnings"] = "self-harm" });
        var warned = await visitor.GetOkAsync(path);
        await moderator.Client.SubmitAsync($"/moderation/posts/{postId}/warnings", $"/moderation/posts/{postId}/warnings", new() { ["ContentWarnings"] = "" });
        var cleared = await visitor.GetOkAsync(path);

        Assert.True(added.Document.QuerySelector("input[name=ContentWarnings][value=self-harm]")!.HasAttribute("checked"));
        Assert.Contains("Content warning: self-harm", ContentWarning.Box(warned, postId)!.TextContent, StringComparison.Ordinal);
        Assert.Null(ContentWarning.Box(cleared, postId));
        var log = await ModerationState.QueryAsync(forum, db => db.ModerationActions
            .Where(a => a.PostId == postId && a.Kind == ModerationKind.SetContentWarnings).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
        Assert.Equal(["self-harm", "no content warnings"], log);
    }

    [Fact]
    public async Task Member_CannotSetAPostsWarnings_Forbidden()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Not theirs"), "Plain words.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);

        var refused = await author.Client.PostAsync($"/moderation/posts/{postId}/warnings", new Dictionary<string, string?> { ["ContentWarnings"] = "needles" });

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Status);
        Assert.Null(await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == postId).Select(p => p.ContentWarnings).SingleAsync()));
    }
}
