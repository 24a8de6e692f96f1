using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Every state-changing endpoint of the forum, with who may use it and what success is. The matrix fails when
/// the route table has an endpoint that is neither here nor in <see cref="ReadOnlyPages"/>, and when a row names
/// an endpoint that no longer exists.
/// </summary>
public static class AuthorizationTable
{
    /// <summary>GET endpoints that only read: who may read them is tested with the pages themselves.</summary>
    public static readonly string[] ReadOnlyPages =
    [
        "", "t/{slug}", "threads/{id:int}/{slug?}", "posts/{id:int}", "search", "guide", "posts/{id:int}/history",
        "posts/{id:int}/edit", "t/{topicSlug}/new", "threads/{id:int}/reply", "posts/{id:int}/flag", "contact", "contact/thanks/{reference}",
        "account/register", "account/resend-confirmation", "account/login", "account/access-denied", "account/forgot-password",
        "account/reset-password", "account/login/two-factor", "account/login/recovery-code",
        "notifications", "notifications/{id:long}", "threads/{id:int}/unread", "account/notifications", "notifications/unsubscribe",
        "u/{name}", "account/profile", "account/delete", "account/deleted", "account/export",
        "account/export/{id:guid}/download", "posting/support", "a/{number:int}",
        .. TreatmentTable.ReadOnlyPages,
        .. SettingsTable.ReadOnlyPages,
        .. ContentWarningTable.ReadOnlyPages,
    ];

    private const string ModPost = "moderation/posts/{id:int}/{verb:regex(^(keep|hide|restore|delete)$)}";
    private const string ModThread = "moderation/threads/{id:int}/{verb:regex(^(lock|unlock|pin|unpin|move)$)}";

    private static readonly Dictionary<Who, HttpStatusCode> s_authorMayNotFlag = new() { [Who.Author] = HttpStatusCode.Forbidden };

    // A suspended member's post is refused by the posting service, which shows the form again with their text.
    private static readonly Dictionary<Who, HttpStatusCode> s_suspendedSeesTheForm = new() { [Who.Suspended] = HttpStatusCode.Forbidden };

    public static readonly Rule[] Rules =
    [
        // Posting: members who may post; editing: the author only.
        new("POST", "t/{topicSlug}/new", "/t/rehab/new", Access.CanPost, async c =>
        {
            var location = c.Page.Response.Headers.Location?.OriginalString ?? "";
            Assert.StartsWith("/threads/", location, StringComparison.Ordinal);
            var id = Compose.ThreadId(location);
            Assert.Equal(await c.CallerIdAsync(), await c.QueryAsync(db => db.Threads.Where(t => t.Id == id).Select(t => t.AuthorId).SingleAsync()));
        }, Fields: new() { ["Title"] = "A matrix thread {unique}", ["Body"] = "Opening words.", ["SubmissionToken"] = "{guid}" }, Refusals: s_suspendedSeesTheForm),
        new("POST", "threads/{id:int}/reply", "/threads/{thread}/reply", Access.CanPost, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            var callerId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.Posts.AnyAsync(p => p.ThreadId == c.Targets.ThreadId && p.AuthorId == callerId)));
        }, Fields: new() { ["Body"] = "A reply from the matrix.", ["SubmissionToken"] = "{guid}" }, Refusals: s_suspendedSeesTheForm),
        new("POST", "posts/preview", "/posts/preview", Access.CanPost, c =>
        {
            c.Ok();
            Assert.Contains("<strong>bold</strong>", c.Page.Text, StringComparison.Ordinal);
            return Task.CompletedTask;
        }, Fields: new() { ["body"] = "**bold**" }),
        new("POST", "posting/check", "/posting/check", Access.CanPost, c =>
        {
            c.Ok();
            Assert.Contains("\"kind\":\"PhoneNumber\"", c.Page.Text, StringComparison.Ordinal);
            return Task.CompletedTask;
        }, Fields: new() { ["body"] = "Ring me on 07700 900123." }),
        // A post's Markdown, for the Quote button: members who may post, and it reads only.
        new("GET", "posts/{id:int}/source", "/posts/{post}/source", Access.CanPost, async c =>
        {
            c.Ok();
            Assert.Equal(await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.Markdown).SingleAsync()), c.Page.Text);
            await c.UnchangedAsync();
        }, NeedsToken: false),
        new("POST", "posts/{id:int}/edit", "/posts/{post}/edit", Access.Owner, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.Equal("Edited by its author.", await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.Markdown).SingleAsync()));
        }, Fields: new() { ["Body"] = "Edited by its author." }),
        // Deleting a post's earlier versions: its author only, whether or not they may post now.
        new("POST", "posts/{id:int}/history/purge", "/posts/{post}/history/purge", Access.Owner, async c =>
        {
            c.Redirected($"/posts/{c.Targets.PostId}/history");
            var callerId = await c.CallerIdAsync();
            Assert.False(await c.QueryAsync(db => db.PostRevisions.AnyAsync(r => r.PostId == c.Targets.PostId && r.EditorId == callerId)));
        }, Fields: new() { ["confirm"] = "true" }),
        new("POST", "posts/{id:int}/flag", "/posts/{post}/flag", Access.CanPost, async c =>
        {
            c.Ok();
            Assert.Equal("Thank you", c.Page.TextOf("h1"));
            var callerId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.Flags.AnyAsync(f => f.PostId == c.Targets.PostId && f.FlaggerId == callerId)));
        }, Fields: new() { ["Reason"] = "Spam" }, Refusals: s_authorMayNotFlag),
        // Reacting: members who may post, on someone else's post; the form comes back to the post.
        new("POST", "posts/{id:int}/reactions/{kind}", "/posts/{post}/reactions/helpful", Access.CanPost, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.EndsWith($"#post-{c.Targets.PostId}", c.Page.Response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            var callerId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.PostReactions.AnyAsync(r => r.PostId == c.Targets.PostId && r.UserId == callerId && r.Kind == ReactionKind.Helpful)));
        }, Refusals: s_authorMayNotFlag),

        // The moderators' pages: moderators and admins read them, and reading changes nothing.
        StaffPage("moderation", "/moderation"),
        StaffPage("moderation/posts/{id:int}", "/moderation/posts/{post}"),
        StaffPage("moderation/posts/{id:int}/edit", "/moderation/posts/{post}/edit"),
        StaffPage("moderation/threads/{id:int}", "/moderation/threads/{thread}"),
        StaffPage("moderation/users/{id}", "/moderation/users/{user}"),
        StaffPage("moderation/log", "/moderation/log"),
        StaffPage("moderation/contact", "/moderation/contact"),
        StaffPage("admin/moderators", "/admin/moderators", Access.Admin),
        StaffPage("admin/users/{id}/export", "/admin/users/{user}/export", Access.Admin),
        StaffPage("admin/settings", "/admin/settings", Access.Admin),
        StaffPage("admin/topics", "/admin/topics", Access.Admin),
        StaffPage("styleguide", "/styleguide", Access.Admin),

        // Moderation: moderators and admins; each action is in the audit log.
        ModeratePost("keep", ModerationKind.KeepPost, PostState.Visible),
        ModeratePost("hide", ModerationKind.HidePost, PostState.Hidden),
        ModeratePost("restore", ModerationKind.RestorePost, PostState.Visible),
        ModeratePost("delete", ModerationKind.DeletePost, PostState.Deleted),
        new("POST", "moderation/posts/{id:int}/approve", "/moderation/posts/{post}/approve", Access.Moderator, async c =>
        {
            await Audited(c, ModerationKind.ApprovePost);
            Assert.Equal(PostState.Visible, await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.State).SingleAsync()));
        }, Fields: new() { ["Reason"] = "matrix" }),
        new("POST", "moderation/posts/{id:int}/edit", "/moderation/posts/{post}/edit", Access.Moderator, async c =>
        {
            await Audited(c, ModerationKind.EditPost);
            Assert.Equal("Redacted by the matrix.", await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.Markdown).SingleAsync()));
        }, Fields: new() { ["Body"] = "Redacted by the matrix.", ["Reason"] = "matrix" }),
        ModerateThread("lock", ModerationKind.LockThread, t => t.IsLocked),
        ModerateThread("unlock", ModerationKind.UnlockThread, t => !t.IsLocked),
        ModerateThread("pin", ModerationKind.PinThread, t => t.IsPinned),
        ModerateThread("unpin", ModerationKind.UnpinThread, t => !t.IsPinned),
        ModerateThread("move", ModerationKind.MoveThread, t => t.Topic!.Slug == "injections"),
        new("POST", "moderation/users/{id}/suspend", "/moderation/users/{user}/suspend", Access.Moderator, async c =>
        {
            await Audited(c, ModerationKind.SuspendUser);
            Assert.True(await c.QueryAsync(db => db.Users.Where(u => u.Id == c.Targets.UserId).Select(u => u.SuspendedUntil).SingleAsync()) > DateTime.UtcNow);
        }, Fields: new() { ["Days"] = "1", ["Reason"] = "matrix" }, Target: Target.Member),
        new("POST", "moderation/users/{id}/unsuspend", "/moderation/users/{user}/unsuspend", Access.Moderator, async c =>
        {
            await Audited(c, ModerationKind.UnsuspendUser);
            Assert.Null(await c.QueryAsync(db => db.Users.Where(u => u.Id == c.Targets.UserId).Select(u => u.SuspendedUntil).SingleAsync()));
        }, Fields: new() { ["Reason"] = "matrix" }, Target: Target.Member),
        new("POST", "moderation/contact/{id:int}/handled", "/moderation/contact/{contact}/handled", Access.Moderator, async c =>
        {
            c.Redirected("/moderation/contact");
            Assert.NotNull(await c.QueryAsync(db => db.ContactSubmissions.Where(s => s.Id == c.Targets.ContactId).Select(s => s.HandledAt).SingleAsync()));
        }),
        // Retrying resets only failed deliveries (ContactDeliveryTests); here the delivery has not failed, so it stays as it was.
        new("POST", "moderation/contact/{id:int}/retry", "/moderation/contact/{contact}/retry", Access.Moderator, c =>
        {
            c.Redirected("/moderation/contact");
            return Task.CompletedTask;
        }),
        new("POST", "admin/moderators/grant", "/admin/moderators/grant", Access.Admin, async c =>
        {
            c.Redirected("/admin/moderators");
            await Logged(c, ModerationKind.GrantModerator);
            Assert.True(await IsModeratorAsync(c));
        }, Fields: new() { ["email"] = "{email}", ["reason"] = "matrix" }, Target: Target.Member),
        new("POST", "admin/moderators/revoke", "/admin/moderators/revoke", Access.Admin, async c =>
        {
            c.Redirected("/admin/moderators");
            await Logged(c, ModerationKind.RevokeModerator);
            Assert.False(await IsModeratorAsync(c));
        }, Fields: new() { ["userId"] = "{user}", ["reason"] = "matrix" }, Target: Target.Moderator),

        // Watching and notifications: any signed-in member, for their own account only.
        new("POST", "threads/{id:int}/watch", "/threads/{thread}/watch", Access.SignedIn, async c =>
        {
            c.Redirected($"/threads/{c.Targets.ThreadId}");
            var callerId = await c.CallerIdAsync();
            Assert.Equal(WatchLevel.Muted, await c.QueryAsync(db => db.ThreadWatches
                .Where(w => w.UserId == callerId && w.ThreadId == c.Targets.ThreadId).Select(w => w.Level).SingleAsync()));
        }, Fields: new() { ["level"] = "Muted" }),
        new("POST", "t/{slug}/watch", "/t/rehab/watch", Access.SignedIn, async c =>
        {
            c.Redirected("/t/rehab");
            var callerId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.TopicWatches.AnyAsync(w => w.UserId == callerId && db.Topics.Any(t => t.Id == w.TopicId && t.Slug == "rehab"))));
        }, Fields: new() { ["watching"] = "true" }),
        new("POST", "notifications/read-all", "/notifications/read-all", Access.SignedIn, c =>
        {
            c.Redirected("/notifications");
            return Task.CompletedTask;
        }),
        new("POST", "account/notifications", "/account/notifications", Access.SignedIn, async c =>
        {
            c.Redirected("/account/notifications");
            var callerId = await c.CallerIdAsync();
            Assert.Equal(MailFrequency.Weekly, await c.QueryAsync(db => db.Users.Where(u => u.Id == callerId).Select(u => u.ReplyMail).SingleAsync()));
        }, Fields: new() { ["ReplyMail"] = "Weekly", ["MentionMail"] = "true" }),

        // A profile's own settings: members who may post, since a profile is read by others as a post is.
        new("POST", "account/profile", "/account/profile", Access.CanPost, async c =>
        {
            c.Redirected("/account/profile");
            var callerId = await c.CallerIdAsync();
            var saved = await c.QueryAsync(db => db.MemberProfiles.Where(p => p.UserId == callerId).Select(p => new { p.AboutMarkdown, p.AboutVisibility }).SingleAsync());
            Assert.Equal(($"About the matrix {c.Targets.Unique}.", ProfileVisibility.Members), (saved.AboutMarkdown, saved.AboutVisibility));
        }, Fields: new() { ["About"] = "About the matrix {unique}.", ["AboutVisibility"] = "Members", ["Conditions"] = "", ["ConditionsVisibility"] = "Nobody" }),

        // Exporting one's data: any signed-in member, suspended or not, for their own account; an admin for a member, audited.
        new("POST", "account/export", "/account/export", Access.SignedIn, async c =>
        {
            c.Redirected("/account/export");
            var callerId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.MemberExports.AnyAsync(e => e.UserId == callerId && e.RequestedById == null)));
        }),
        new("POST", "admin/users/{id}/export", "/admin/users/{user}/export", Access.Admin, async c =>
        {
            c.Redirected($"/admin/users/{c.Targets.UserId}/export");
            await Logged(c, ModerationKind.ExportMemberData);
        }, Target: Target.Member),

        // Unsubscribing needs no sign-in: the signed token in the mailed link is what allows it (NotificationMailTests).
        // Without one, nobody changes anything.
        new("POST", "notifications/unsubscribe", "/notifications/unsubscribe?token=not-a-token", Access.Anyone, c =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, c.Page.Status);
            Assert.Equal("This unsubscribe link does not work", c.Page.TextOf("h1"));
            return Task.CompletedTask;
        }),

        .. AccountTable.Rules,
        .. DeletionTable.Rules,
        .. SettingsTable.Rules,
        .. AudienceTable.Rules,
        .. OperationsTable.Rules,
        .. AliasTable.Rules,
        .. FeedsTable.Rules,
        .. ContentWarningTable.Rules,
        .. ThemeTable.Rules,
        .. TreatmentTable.Rules,
        .. DraftsTable.Rules,
        .. SiteSettingsTable.Rules,
        .. TopicAdminTable.Rules,
    ];

    private static Rule StaffPage(string pattern, string path, Access access = Access.Moderator) =>
        new("GET", pattern, path, access, async c =>
        {
            c.Ok();
            await c.UnchangedAsync();
        }, NeedsToken: false);

    private static Rule ModeratePost(string verb, ModerationKind kind, PostState state) =>
        new("POST", ModPost, $"/moderation/posts/{{post}}/{verb}", Access.Moderator, async c =>
        {
            await Audited(c, kind);
            Assert.Equal(state, await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.State).SingleAsync()));
        }, Fields: new() { ["Reason"] = "matrix" });

    private static Rule ModerateThread(string verb, ModerationKind kind, System.Linq.Expressions.Expression<Func<ForumThread, bool>> done) =>
        new("POST", ModThread, $"/moderation/threads/{{thread}}/{verb}", Access.Moderator, async c =>
        {
            await Audited(c, kind);
            Assert.True(await c.QueryAsync(db => db.Threads.Where(t => t.Id == c.Targets.ThreadId).Where(done).AnyAsync()), $"{verb} did not take effect");
        }, Fields: new() { ["Reason"] = "matrix", ["topicId"] = "{injections}" });

    /// <summary>A moderator action succeeded: it redirects back to the moderators' pages and is in the log.</summary>
    private static async Task Audited(Cell c, ModerationKind kind)
    {
        Assert.True(c.Page.Status == HttpStatusCode.Redirect, $"{c.Who} expected a redirect, got {(int)c.Page.Status}");
        Assert.Matches("^/moderation/", LocationPath(c.Page));
        await Logged(c, kind);
    }

    /// <summary>The action is in the log under the caller's name, as the one entry the request made.</summary>
    private static async Task Logged(Cell c, ModerationKind kind)
    {
        var actorId = await c.CallerIdAsync();
        Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(a => a.Kind == kind && a.ActorId == actorId
            && (a.PostId == c.Targets.PostId || a.ThreadId == c.Targets.ThreadId || a.TargetUserId == c.Targets.UserId))), $"No {kind} in the log");
        await c.LoggedOnceAsync();
    }

    /// <summary>The caller's draft for a composer, or null.</summary>
    private static Task<bool> IsModeratorAsync(Cell c) => c.QueryAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == c.Targets.UserId
        && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == ForumRoles.Moderator)));
}
