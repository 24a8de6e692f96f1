using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix rows for the member's own settings (<c>/account/…</c>): each acts on the caller's account only, since
/// none takes an id; the email link acts on the account its signed code names, whoever opens it.
/// </summary>
public static class SettingsTable
{
    /// <summary>The settings pages that only read.</summary>
    public static readonly string[] ReadOnlyPages = ["account", "account/name", "account/email", "account/password", "account/activity"];

    public static readonly Rule[] Rules =
    [
        // A display name is read by others as a post is: members who may post. Fresh callers, as each has one change a month.
        new("POST", "account/name", "/account/name", Access.CanPost, async c =>
        {
            c.Redirected("/account/name");
            var callerId = await c.CallerIdAsync();
            Assert.Equal($"Renamed {c.Targets.Unique}", await c.QueryAsync(db => db.Users.Where(u => u.Id == callerId).Select(u => u.DisplayName).SingleAsync()));
        }, Fields: new() { ["NewName"] = "Renamed {unique}" }, FreshCaller: true),
        new("POST", "account/email", "/account/email", Access.SignedIn, async c =>
        {
            c.Ok();
            Assert.Equal("Check your new address", c.Page.TextOf("h1"));
            var callerId = await c.CallerIdAsync();
            Assert.NotNull(await c.QueryAsync(db => db.Users.Where(u => u.Id == callerId).Select(u => u.Email).SingleAsync()));
        }, Fields: new() { ["NewEmail"] = "moved-{unique}@example.org", ["CurrentPassword"] = "{caller-password}" }),
        new("POST", "account/password", "/account/password", Access.SignedIn, async c =>
        {
            c.Redirected("/account/password");
            var callerId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.UserId == callerId && e.Kind == PatientForum.Web.Data.SecurityEventKind.PasswordChanged)));
        }, Fields: new() { ["CurrentPassword"] = "{caller-password}", ["NewPassword"] = "a brand new long password {unique}", ["ConfirmPassword"] = "a brand new long password {unique}" },
        FreshCaller: true),

        // The mailed link (EmailChangeTests opens a real one): without a valid code it changes nothing, for anyone.
        new("GET", "account/email/confirm", "/account/email/confirm?userId={user}&email=x%40example.org&code=bm90LWEtY29kZQ", Access.Anyone, c =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, c.Page.Status);
            Assert.Equal("This link does not work", c.Page.TextOf("h1"));
            return Task.CompletedTask;
        }, NeedsToken: false),
    ];
}
