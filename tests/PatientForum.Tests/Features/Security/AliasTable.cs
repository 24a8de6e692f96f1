using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Aliases;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix rows for moderators' actions on the member behind an aliased post. The matrix's target post is written
/// by its shared author, so an allowed caller's cell first puts it under the alias of a member made for the cell.
/// </summary>
public static class AliasTable
{
    public static readonly Rule[] Rules =
    [
        new("POST", "moderation/posts/{id:int}/reveal", "/moderation/posts/{post}/reveal", Access.Moderator, async c =>
        {
            c.Ok();
            Assert.StartsWith("Who writes as Member ", c.Page.TextOf("h1"), StringComparison.Ordinal);
            await c.LoggedOnceAsync();
            var actorId = await c.CallerIdAsync();
            Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(a => a.Kind == ModerationKind.RevealAlias && a.ActorId == actorId && a.PostId == c.Targets.PostId)));
        }, Fields: new() { ["Reason"] = "matrix {unique}" }, Act: async (forum, caller, targets) =>
        {
            await Aliasing.PutUnderNewAliasAsync(forum, targets.PostId);
            return await caller.Client.PostAsync($"/moderation/posts/{targets.PostId}/reveal", new Dictionary<string, string?> { ["Reason"] = "matrix" });
        }),
        new("POST", "moderation/posts/{id:int}/suspend-author", "/moderation/posts/{post}/suspend-author", Access.Moderator, async c =>
        {
            c.Redirected($"/moderation/posts/{c.Targets.PostId}");
            await c.LoggedOnceAsync();
            var owner = await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId)
                .Join(db.MemberAliases, p => p.AuthorId, a => a.AliasUserId, (p, a) => a.OwnerId).SingleAsync());
            Assert.NotNull(await c.QueryAsync(db => db.Users.Where(u => u.Id == owner).Select(u => u.SuspendedUntil).SingleAsync()));
        }, Fields: new() { ["Days"] = "1", ["Reason"] = "matrix" }, Act: async (forum, caller, targets) =>
        {
            await Aliasing.PutUnderNewAliasAsync(forum, targets.PostId);
            return await caller.Client.PostAsync($"/moderation/posts/{targets.PostId}/suspend-author", new Dictionary<string, string?> { ["Days"] = "1", ["Reason"] = "matrix" });
        }),
        new("POST", "moderation/posts/{id:int}/unsuspend-author", "/moderation/posts/{post}/unsuspend-author", Access.Moderator, async c =>
        {
            c.Redirected($"/moderation/posts/{c.Targets.PostId}");
            await c.LoggedOnceAsync();
            var owner = await c.QueryAsync(db => db.Posts.Where(p => p.Id == c.Targets.PostId)
                .Join(db.MemberAliases, p => p.AuthorId, a => a.AliasUserId, (p, a) => a.OwnerId).SingleAsync());
            Assert.Null(await c.QueryAsync(db => db.Users.Where(u => u.Id == owner).Select(u => u.SuspendedUntil).SingleAsync()));
        }, Fields: new() { ["Reason"] = "matrix" }, Act: async (forum, caller, targets) =>
        {
            // The member behind the alias is suspended first (straight in the database, so the log holds only the lift).
            var ownerId = await Aliasing.PutUnderNewAliasAsync(forum, targets.PostId);
            await Moderation.ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == ownerId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SuspendedUntil, DateTime.MaxValue)));
            return await caller.Client.PostAsync($"/moderation/posts/{targets.PostId}/unsuspend-author", new Dictionary<string, string?> { ["Reason"] = "matrix" });
        }),
    ];
}
