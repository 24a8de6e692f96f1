using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>The matrix's rows for deleting one's own post (and undoing it) and one's own account.</summary>
public static class DeletionTable
{
    public static readonly Rule[] Rules =
    [
        // An author deletes their own post, and may take it back for a while.
        new("POST", "posts/{id:int}/delete", "/posts/{post}/delete", Access.Owner, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.Equal(PostState.DeletedByAuthor, await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.State).SingleAsync()));
        }),
        new("POST", "posts/{id:int}/undelete", "/posts/{post}/undelete", Access.Owner, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.Equal(PostState.Visible, await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId).Select(p => p.State).SingleAsync()));
        }, Act: async (forum, caller, targets) =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await caller.Client.PostAsync($"/posts/{targets.PostId}/delete", new Dictionary<string, string?>())).Status);
            return await caller.Client.PostAsync($"/posts/{targets.PostId}/undelete", new Dictionary<string, string?>());
        }),
        // Deleting one's account: anyone signed in, suspended or not, with their password. Staff have two-factor
        // sign-in on, so without a code they get the form back and keep their account.
        new("POST", "account/delete", "/account/delete", Access.SignedIn, async c =>
        {
            var email = c.Caller.Email.ToUpperInvariant();
            if (c.Who is Who.Moderator or Who.Admin)
            {
                c.Ok();
                Assert.Equal("That code is not right. Enter the code your authenticator app shows now.", c.Page.TextOf("#Code-error"));
                Assert.True(await c.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email)));
                return;
            }
            c.Redirected("/account/deleted");
            Assert.False(await c.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email)));
        }, Fields: new() { ["Mode"] = "anonymize", ["Password"] = "{caller-password}" }, FreshCaller: true),
    ];
}
