using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix row for saving the admins' settings: admins only, and each save is in the audit log. The row changes the
/// forum's description, which no other row reads.
/// </summary>
public static class SiteSettingsTable
{
    public static readonly Rule[] Rules =
    [
        new("POST", "admin/settings", "/admin/settings", Access.Admin, async c =>
        {
            c.Redirected("/admin/settings");
            var callerId = await c.CallerIdAsync();
            var logged = $"→ Matrix {c.Targets.Unique}";
            Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(a => a.Kind == ModerationKind.ChangeSetting && a.ActorId == callerId
                && a.Details!.StartsWith("Forum:Description: ") && a.Details.EndsWith(logged))), "No ChangeSetting in the log");
            Assert.Equal($"Matrix {c.Targets.Unique}", await c.QueryAsync(db => db.SiteSettings.Where(s => s.Key == "Forum:Description").Select(s => s.Value).SingleAsync()));
        }, Fields: new() { ["Forum_Description"] = "Matrix {unique}" }),
    ];
}
