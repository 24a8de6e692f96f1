using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix rows for the account, contact, error and live-update endpoints: open to everyone (or every
/// signed-in member, for their own account), so the question is that each works for every kind of caller and
/// acts only on the caller's own account or the account named by a secret link.
/// </summary>
public static class AccountTable
{
    public static readonly Rule[] Rules =
    [
        new("POST", "contact", "/contact", Access.Anyone, async c =>
        {
            Assert.StartsWith("/contact/thanks/", c.Page.Response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.True(await c.QueryAsync(db => db.ContactSubmissions.AnyAsync(s => s.Message == $"From the matrix {c.Targets.Unique}.")));
        }, Act: async (forum, caller, targets) =>
        {
            // The form carries when it was shown, protected; the matrix sends it as a browser would.
            var form = await caller.Client.GetOkAsync("/contact");
            return await caller.Client.SubmitAsync(form, "form[action='/contact']", new Dictionary<string, string?>
            {
                ["Name"] = "Matrix", ["Email"] = "someone@example.org", ["Subject"] = "Question", ["Message"] = $"From the matrix {targets.Unique}.",
            });
        }),
        new("POST", "account/register", "/account/register", Access.Anyone, async c =>
        {
            c.Ok();
            Assert.Equal("Check your email", c.Page.TextOf("h1"));
            Assert.True(await c.QueryAsync(db => db.Users.AnyAsync(u => u.Email == $"new-{c.Targets.Unique}@example.org")));
        }, Fields: new() { ["Email"] = "new-{unique}@example.org", ["DisplayName"] = "Matrix {unique}", ["Password"] = "{password}", ["ConfirmPassword"] = "{password}" },
        FreshCaller: true),
        new("POST", "account/login", "/account/login", Access.Anyone, c =>
        {
            c.Redirected("/");
            return Task.CompletedTask;
        }, Fields: new() { ["Email"] = "{email}", ["Password"] = "{password}" }, Target: Target.Member, FreshCaller: true),
        new("POST", "account/logout", "/account/logout", Access.Anyone, async c =>
        {
            c.Redirected("/");
            Assert.Equal("/account/login", LocationPath(await c.Caller.Client.GetAsync("/account/two-factor")));
        }, FreshCaller: true),
        new("POST", "account/resend-confirmation", "/account/resend-confirmation", Access.Anyone, async c =>
        {
            c.Ok();
            await c.Forum.Mail.WaitForAsync(c.Targets.Email, "Confirm your email");
        }, Fields: new() { ["Email"] = "{email}" }, Target: Target.Unconfirmed),
        new("POST", "account/forgot-password", "/account/forgot-password", Access.Anyone, async c =>
        {
            c.Ok();
            await c.Forum.Mail.WaitForAsync(c.Targets.Email, "Reset your PatientForum password");
        }, Fields: new() { ["Email"] = "{email}" }, Target: Target.Member),

        // A real reset: the link from the mail sets a new password for the account it was sent to.
        new("POST", "account/reset-password", "/account/reset-password", Access.Anyone, async c =>
        {
            c.Ok();
            Assert.Equal("Password changed", c.Page.TextOf("h1"));
            var client = c.Forum.CreateForumClient(followRedirects: false);
            var signedIn = await Members.SignInAsync(client, new Member(c.Targets.Email, "", "a brand new long password", client));
            Assert.Equal("/", LocationPath(signedIn));
        }, Target: Target.Member, Act: async (forum, caller, targets) =>
        {
            var asked = await caller.Client.PostAsync("/account/forgot-password", new Dictionary<string, string?> { ["Email"] = targets.Email });
            Assert.Equal(HttpStatusCode.OK, asked.Status);
            var link = MailPickup.LinkIn(await forum.Mail.WaitForAsync(targets.Email, "Reset your PatientForum password"), "/account/reset-password");
            var form = await caller.Client.GetOkAsync(link);
            return await caller.Client.SubmitAsync(form, "form[action='/account/reset-password']", new Dictionary<string, string?>
            {
                ["Email"] = targets.Email, ["Password"] = "a brand new long password", ["ConfirmPassword"] = "a brand new long password",
            });
        }),

        // The code step belongs to a password sign-in in progress; without one it goes back to the password (TwoFactorTests sign in through it).
        new("POST", "account/login/two-factor", "/account/login/two-factor", Access.Anyone, c =>
        {
            c.Redirected("/account/login");
            return Task.CompletedTask;
        }, Fields: new() { ["Code"] = "123456" }),
        new("POST", "account/login/recovery-code", "/account/login/recovery-code", Access.Anyone, c =>
        {
            c.Redirected("/account/login");
            return Task.CompletedTask;
        }, Fields: new() { ["Code"] = "abcde-fghij" }),

        // Two-factor settings act on the caller's own account only: there is no id to change.
        new("POST", "account/two-factor/enable", "/account/two-factor/enable", Access.SignedIn, async c =>
        {
            if (c.Caller.AuthenticatorKey is null)
            {
                c.Ok();
                Assert.Equal("Your recovery codes", c.Page.TextOf("h1"));
            }
            else
            {
                c.Redirected("/account/two-factor");
            }
            var callerId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.Users.Where(u => u.Id == callerId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        }, FreshCaller: true, Act: async (forum, caller, _) =>
        {
            var page = await caller.Client.GetOkAsync("/account/two-factor");
            var key = page.TextOf("#shared-key");
            return key is null
                ? await caller.Client.PostAsync("/account/two-factor/enable", new Dictionary<string, string?> { ["Code"] = "123456" })
                : await caller.Client.SubmitAsync(page, "form[action='/account/two-factor/enable']", new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });
        }),
        new("POST", "account/two-factor/disable", "/account/two-factor/disable", Access.SignedIn, async c =>
        {
            c.Ok();
            Assert.Equal("Two-factor sign-in is off", c.Page.TextOf("h1"));
            var callerId = await c.CallerIdAsync();
            Assert.False(await c.QueryAsync(db => db.Users.Where(u => u.Id == callerId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        }, Fields: new() { ["Off.Password"] = "{caller-password}" }, FreshCaller: true),
        new("POST", "account/two-factor/recovery-codes", "/account/two-factor/recovery-codes", Access.SignedIn, c =>
        {
            if (c.Caller.AuthenticatorKey is null)
            {
                c.Redirected("/account/two-factor");
            }
            else
            {
                c.Ok();
                Assert.Equal("Your recovery codes", c.Page.TextOf("h1"));
            }
            return Task.CompletedTask;
        }, Fields: new() { ["New.Password"] = "{caller-password}" }),

        // GETs that change state: the confirmation link confirms the account it was sent for, whoever opens it.
        new("GET", "account/confirm", "/account/confirm", Access.Anyone, async c =>
        {
            c.Ok();
            Assert.Equal("Email confirmed", c.Page.TextOf("h1"));
            Assert.True(await c.QueryAsync(db => db.Users.Where(u => u.Id == c.Targets.UserId).Select(u => u.EmailConfirmed).SingleAsync()));
        }, Target: Target.Unconfirmed, NeedsToken: false, Act: async (forum, caller, targets) =>
            await caller.Client.GetAsync(MailPickup.LinkIn(await forum.Mail.WaitForAsync(targets.Email, "Confirm your email"), "/account/confirm"))),

        // Opening the two-factor page makes the caller's own pending authenticator key.
        new("GET", "account/two-factor", "/account/two-factor", Access.SignedIn, c =>
        {
            c.Ok();
            return Task.CompletedTask;
        }, NeedsToken: false),

        // Error pages answer any method and change nothing; they are re-executed for failed POSTs, so they take no token.
        new("*", "error/{code:int?}", "/error/404", Access.Anyone, c =>
        {
            Assert.Equal(HttpStatusCode.NotFound, c.Page.Status);
            return Task.CompletedTask;
        }, NeedsToken: false),

        // The hub's transport is not a form: the origin check guards it (ForumHubTests) and each hub method authorizes itself.
        new("*", "/hubs/forum/negotiate", "/hubs/forum/negotiate?negotiateVersion=1", Access.Anyone, c =>
        {
            c.Ok();
            Assert.Contains("connectionToken", c.Page.Text, StringComparison.Ordinal);
            return Task.CompletedTask;
        }, NeedsToken: false),
        new("*", "/hubs/forum", "/hubs/forum", Access.Anyone, c =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, c.Page.Status);
            return Task.CompletedTask;
        }, NeedsToken: false),
    ];
}
