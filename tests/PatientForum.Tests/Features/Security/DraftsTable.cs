using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>Drafts in the matrix: members who may post, each saving and discarding only their own.</summary>
public static class DraftsTable
{
    public static readonly Rule[] Rules =
    [
        // Drafts: members who may post, each their own; a browser's form post (no script) is sent back to the composer.
        new("POST", "drafts/thread/{threadId:int}", "/drafts/thread/{thread}", Access.CanPost, async c =>
        {
            c.Redirected($"/threads/{c.Targets.ThreadId}/reply");
            Assert.Equal("A draft from the matrix.", await DraftAsync(c, DraftKind.Reply, c.Targets.ThreadId));
        }, Fields: new() { ["Body"] = "A draft from the matrix." }),
        new("POST", "drafts/thread/{threadId:int}/discard", "/drafts/thread/{thread}/discard", Access.CanPost, async c =>
        {
            c.Redirected($"/threads/{c.Targets.ThreadId}/reply");
            Assert.Null(await DraftAsync(c, DraftKind.Reply, c.Targets.ThreadId));
        }, Act: (_, caller, targets) => SavedThenDiscardedAsync(caller, $"/drafts/thread/{targets.ThreadId}")),
        new("POST", "drafts/topic/{slug}", "/drafts/topic/rehab", Access.CanPost, async c =>
        {
            c.Redirected("/t/rehab/new");
            Assert.Equal("A draft from the matrix.", await DraftAsync(c, DraftKind.NewThread, await RehabAsync(c)));
        }, Fields: new() { ["Title"] = "A matrix draft {unique}", ["Body"] = "A draft from the matrix." }),
        new("POST", "drafts/topic/{slug}/discard", "/drafts/topic/rehab/discard", Access.CanPost, async c =>
        {
            c.Redirected("/t/rehab/new");
            Assert.Null(await DraftAsync(c, DraftKind.NewThread, await RehabAsync(c)));
        }, Act: (_, caller, _) => SavedThenDiscardedAsync(caller, "/drafts/topic/rehab")),
    ];

    private static async Task<string?> DraftAsync(Cell c, DraftKind kind, int targetId)
    {
        var callerId = await c.CallerIdAsync();
        return await c.QueryAsync(db => db.Drafts.Where(d => d.UserId == callerId && d.Kind == kind && d.TargetId == targetId).Select(d => d.Body).SingleOrDefaultAsync());
    }

    private static Task<int> RehabAsync(Cell c) => c.QueryAsync(db => db.Topics.Where(t => t.Slug == "rehab").Select(t => t.Id).SingleAsync());

    /// <summary>Discarding is checked on a draft that exists: the caller saves one first.</summary>
    private static async Task<ForumClient.Page> SavedThenDiscardedAsync(Member caller, string saveUrl)
    {
        var saved = await caller.Client.PostAsync(saveUrl, new Dictionary<string, string?> { ["Title"] = "A draft to discard", ["Body"] = "A draft to discard." });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        return await caller.Client.PostAsync(saveUrl + "/discard", new Dictionary<string, string?>());
    }
}
