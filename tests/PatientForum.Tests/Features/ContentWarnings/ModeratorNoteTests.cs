using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Search;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.ContentWarnings;

/// <summary>
/// Moderators' notes on posts through the real pages: readers see the note and still the post, every change is in the
/// audit log, the author is told with the note's text, search and the thread list mark the post, and only moderators may.
/// </summary>
public sealed class ModeratorNoteTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    private const string UnsafeDose = "This dose is unsafe. See part 4 of the patient guide.";

    [Fact]
    public async Task Moderator_NotesAPost_VisitorSeesNoteAndPost_AuditedAuthorNotifiedAndMarkedInSearchAndThreadList()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var word = Searching.RareWord();
        var path = await Compose.StartThreadPathAsync(author, "injections", Unique("My dosing"), $"{word} I take 40 units twice a day.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);
        var guidePath = await Compose.StartThreadPathAsync(moderator, "rehab", Unique("Guide part four"), "Safe doses.");

        (await NoteAsync(moderator, postId, UnsafeDose, guidePath)).EnsureSuccess();
        using var visitor = forum.CreateForumClient();
        var thread = await visitor.GetOkAsync(path);

        var note = thread.Document.QuerySelector($"#post-{postId} .moderator-note")!;
        Assert.Equal($"Moderator note: {UnsafeDose} Read more about this moderator note", Squash(note.TextContent));
        Assert.Equal(guidePath, note.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("40 units twice a day", thread.Document.QuerySelector($"#post-{postId} .post-body")!.TextContent, StringComparison.Ordinal);
        var logged = await ModerationState.QueryAsync(forum, db => db.ModerationActions.SingleAsync(a => a.PostId == postId && a.Kind == ModerationKind.SetModeratorNote));
        Assert.Equal(UnsafeDose, logged.Reason);
        Assert.Contains(guidePath, logged.Details, StringComparison.Ordinal);
        await SettledAsync(forum);
        var notices = await author.Client.GetOkAsync("/notifications");
        Assert.Contains("A moderator added a note to your post in", notices.Text, StringComparison.Ordinal);
        Assert.Contains($"Reason: {UnsafeDose}", Squash(notices.Text), StringComparison.Ordinal);
        var hit = Assert.Single(await Searching.VisitorHitsAsync(forum, word));
        Assert.Equal("Moderator note", hit.QuerySelector(".moderator-note-badge")!.TextContent.Trim());
        var topic = await visitor.GetOkAsync("/t/injections");
        Assert.NotNull(topic.Document.QuerySelector($"#thread-{Compose.ThreadId(path)} .moderator-note-badge"));
    }

    [Fact]
    public async Task Moderator_EditsThenRemovesTheNote_EachChangeAudited_AndTheNoteIsGone()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Noted then cleared"), "Ice for twenty minutes.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);

        (await NoteAsync(moderator, postId, "Check this with your physio.", "")).EnsureSuccess();
        (await NoteAsync(moderator, postId, "Check this with your physio first.", "https://example.org/ice")).EnsureSuccess();
        var edited = await forum.CreateForumClient().GetOkAsync(path);
        var form = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/warnings");
        (await moderator.Client.SubmitAsync(form, $"form[action='/moderation/posts/{postId}/note/remove']", new Dictionary<string, string?> { ["Reason"] = "Resolved" })).EnsureSuccess();
        var cleared = await forum.CreateForumClient().GetOkAsync(path);

        var note = edited.Document.QuerySelector($"#post-{postId} .moderator-note")!;
        Assert.Contains("Check this with your physio first.", note.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.org/ice", note.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(cleared.Document.QuerySelector($"#post-{postId} .moderator-note"));
        var kinds = await ModerationState.QueryAsync(forum, db => db.ModerationActions.Where(a => a.PostId == postId).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());
        Assert.Equal([ModerationKind.SetModeratorNote, ModerationKind.SetModeratorNote, ModerationKind.RemoveModeratorNote], kinds);
    }

    [Fact]
    public async Task Member_CannotNoteAPost_Forbidden_AndNothingSaved()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("No notes by members"), "Plain words.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);

        var refused = await author.Client.PostAsync($"/moderation/posts/{postId}/note", new Dictionary<string, string?> { ["Note"] = "Mine", ["Link"] = "" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Null(await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == postId).Select(p => p.ModeratorNote).SingleAsync()));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://example.org/plain")]
    [InlineData("/account/delete")]
    public async Task BadLink_IsRefusedWithAMessage_AndNothingIsSaved(string link)
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Bad link"), "Words.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);

        var page = await NoteAsync(moderator, postId, UnsafeDose, link);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("The link must be a thread of this forum", page.Document.QuerySelector("#Link-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(UnsafeDose, page.Document.QuerySelector("input#Note")!.GetAttribute("value"));
        Assert.Null(await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == postId).Select(p => p.ModeratorNote).SingleAsync()));
        Assert.False(await ModerationState.QueryAsync(forum, db => db.ModerationActions.AnyAsync(a => a.PostId == postId)));
        Assert.False(await ModerationState.QueryAsync(forum, db => db.Notifications.AnyAsync(n => n.PostId == postId && n.Kind == NotificationKind.PostLabelled)));
    }

    private static async Task<ForumClient.Page> NoteAsync(Member moderator, int postId, string note, string link)
    {
        var form = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/warnings");
        return await moderator.Client.SubmitAsync(form, $"form[action='/moderation/posts/{postId}/note']", new Dictionary<string, string?> { ["Note"] = note, ["Link"] = link });
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
