using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix rows for the admins' topic page: admins only, each change in the audit log. The save keeps the topic's
/// name and options and changes only its description, which no other row reads.
/// </summary>
public static class TopicAdminTable
{
    public static readonly Rule[] Rules =
    [
        new("POST", "admin/topics/{slug}", "/admin/topics/injections", Access.Admin, async c =>
        {
            c.Redirected("/admin/topics");
            await ChangedAsync(c, "injections: description changed");
            Assert.Equal($"Matrix {c.Targets.Unique}", await c.QueryAsync(db => db.Topics.Where(t => t.Slug == "injections").Select(t => t.Description).SingleAsync()));
        }, Fields: new() { ["Name"] = "Injections", ["Description"] = "Matrix {unique}", ["AllowAliases"] = "true" }),
        new("POST", "admin/topics/{slug}/move", "/admin/topics/injections/move", Access.Admin, async c =>
        {
            c.Redirected("/admin/topics");
            await ChangedAsync(c, "injections: moved down");
        }, Fields: new() { ["direction"] = "down" }),
        new("POST", "admin/topics/new", "/admin/topics/new", Access.Admin, async c =>
        {
            c.Redirected("/admin/topics");
            await ChangedAsync(c, $"matrix-{c.Targets.Unique}: added");
        }, Fields: new() { ["Name"] = "Matrix {unique}" }),
        // Archiving needs a topic without threads, and restoring an archived one: each cell makes its own.
        new("POST", "admin/topics/{slug}/archive", "/admin/topics/injections/archive", Access.Admin, async c =>
        {
            c.Redirected("/admin/topics");
            await ChangedAsync(c, $"empty-{c.Targets.Unique}: archived");
        }, Act: (forum, caller, targets) => TopicOfItsOwnAsync(forum, caller, targets, archived: false, "archive")),
        new("POST", "admin/topics/{slug}/restore", "/admin/topics/injections/restore", Access.Admin, async c =>
        {
            c.Redirected("/admin/topics");
            await ChangedAsync(c, $"empty-{c.Targets.Unique}: restored");
        }, Act: (forum, caller, targets) => TopicOfItsOwnAsync(forum, caller, targets, archived: true, "restore")),
    ];

    private static async Task<ForumClient.Page> TopicOfItsOwnAsync(MatrixForum forum, Member caller, Targets targets, bool archived, string action)
    {
        var slug = $"empty-{targets.Unique}";
        await ModerationState.QueryAsync(forum, db =>
        {
            db.Topics.Add(new Topic { Slug = slug, Name = "Empty " + targets.Unique, SortOrder = 99, ArchivedAt = archived ? DateTime.UtcNow : null });
            return db.SaveChangesAsync();
        });
        return await caller.Client.PostAsync($"/admin/topics/{slug}/{action}", new Dictionary<string, string?>());
    }

    private static async Task ChangedAsync(Cell c, string details)
    {
        var callerId = await c.CallerIdAsync();
        Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(a => a.Kind == ModerationKind.ChangeTopic && a.ActorId == callerId
            && a.Details!.StartsWith(details))), $"No ChangeTopic '{details}' in the log");
    }
}
