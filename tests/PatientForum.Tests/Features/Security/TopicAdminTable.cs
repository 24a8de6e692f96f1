using Microsoft.EntityFrameworkCore;
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
    ];

    private static async Task ChangedAsync(Cell c, string details)
    {
        var callerId = await c.CallerIdAsync();
        Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(a => a.Kind == ModerationKind.ChangeTopic && a.ActorId == callerId
            && a.Details!.StartsWith(details))), $"No ChangeTopic '{details}' in the log");
    }
}
