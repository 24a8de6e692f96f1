using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix rows for content warnings: the member's own reading setting (no id, so only ever the caller's) and the
/// moderators' change of a post's warnings, which is in the audit log.
/// </summary>
public static class ContentWarningTable
{
    public static readonly string[] ReadOnlyPages = ["account/content-warnings"];

    public static readonly Rule[] Rules =
    [
        new("POST", "account/content-warnings", "/account/content-warnings", Access.SignedIn, async c =>
        {
            c.Redirected("/account/content-warnings");
            var callerId = await c.CallerIdAsync();
            Assert.Equal("needles", await c.QueryAsync(db => db.Users.Where(u => u.Id == callerId).Select(u => u.ShownContentWarnings).SingleAsync()));
        }, Fields: new() { ["ContentWarnings"] = "needles" }),
        new("GET", "moderation/posts/{id:int}/warnings", "/moderation/posts/{post}/warnings", Access.Moderator, async c =>
        {
            c.Ok();
            await c.UnchangedAsync();
        }, NeedsToken: false),
        new("POST", "moderation/posts/{id:int}/warnings", "/moderation/posts/{post}/warnings", Access.Moderator, async c =>
        {
            c.Redirected($"/moderation/posts/{c.Targets.PostId}/warnings");
            var actorId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(
                a => a.Kind == ModerationKind.SetContentWarnings && a.ActorId == actorId && a.PostId == c.Targets.PostId)));
            await c.LoggedOnceAsync();
            Assert.Equal("surgery", await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.ContentWarnings).SingleAsync()));
        }, Fields: new() { ["ContentWarnings"] = "surgery" }),
        new("POST", "moderation/posts/{id:int}/note", "/moderation/posts/{post}/note", Access.Moderator, async c =>
        {
            c.Redirected($"/moderation/posts/{c.Targets.PostId}/warnings");
            await NoteLoggedAsync(c, ModerationKind.SetModeratorNote);
            Assert.Equal($"Matrix note {c.Targets.Unique}", await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.ModeratorNote).SingleAsync()));
        }, Fields: new() { ["Note"] = "Matrix note {unique}", ["Link"] = "https://example.org/guide" }),
        // Taking a note away is checked on a post that has one: an allowed caller's cell first puts one there.
        new("POST", "moderation/posts/{id:int}/note/remove", "/moderation/posts/{post}/note/remove", Access.Moderator, async c =>
        {
            c.Redirected($"/moderation/posts/{c.Targets.PostId}/warnings");
            await NoteLoggedAsync(c, ModerationKind.RemoveModeratorNote);
            Assert.Null(await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.ModeratorNote).SingleAsync()));
        }, Fields: new() { ["Reason"] = "matrix" }, Act: async (forum, caller, targets) =>
        {
            await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == targets.PostId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ModeratorNote, "A note to take away")));
            return await caller.Client.PostAsync($"/moderation/posts/{targets.PostId}/note/remove", new Dictionary<string, string?> { ["Reason"] = "matrix" });
        }),
    ];

    private static async Task NoteLoggedAsync(Cell c, ModerationKind kind)
    {
        var actorId = await c.CallerIdAsync();
        Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(a => a.Kind == kind && a.ActorId == actorId && a.PostId == c.Targets.PostId)), $"No {kind} in the log");
        await c.LoggedOnceAsync();
    }
}
