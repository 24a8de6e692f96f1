using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>The matrix row for the theme menu: a member saves their own theme (no id, so only ever the caller's).</summary>
public static class ThemeTable
{
    public static readonly Rule[] Rules =
    [
        new("POST", "account/theme", "/account/theme", Access.SignedIn, async c =>
        {
            c.Redirected("/");
            var callerId = await c.CallerIdAsync();
            Assert.Equal(ThemeChoice.Dark, await c.QueryAsync(db => db.Users.Where(u => u.Id == callerId).Select(u => u.Theme).SingleAsync()));
        }, Fields: new() { ["Theme"] = "Dark" }),
    ];
}
