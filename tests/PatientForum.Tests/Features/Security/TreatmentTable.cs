using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Treatment stories in the matrix: the pages that only read, and the record's form, its follow-ups and its prompts'
/// switch, its thread's author's alone. The matrix's thread has no record, so the follow-up rows give it one first.
/// </summary>
public static class TreatmentTable
{
    // Before the rules that use them: static fields are set in order.
    private static readonly Dictionary<string, string?> s_followUp = new() { ["Pain"] = "4", ["Note"] = "Better on most days.", ["SubmissionToken"] = "{guid}" };
    private static readonly Dictionary<string, string?> s_promptsOff = new() { ["off"] = "true" };

    public static readonly string[] ReadOnlyPages =
    [
        "treatments", "treatments/{slug}", "treatments/{slug}.json", "treatments/{slug}.csv", "treatments/{slug}/stories", "threads/{id:int}/treatment",
        "threads/{id:int}/follow-up",
    ];

    public static readonly Rule[] Rules =
    [
        // A thread's treatment record: its author only, while they may post.
        new("POST", "threads/{id:int}/treatment", "/threads/{thread}/treatment", Access.Owner, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.Equal(7, await c.QueryAsync(db => db.TreatmentRecords.Where(r => r.ThreadId == c.Targets.ThreadId).Select(r => r.PainBefore).SingleAsync()));
        }, Fields: new()
        {
            ["Treatment.Treatment"] = "prp", ["Treatment.BodyArea"] = "Knee", ["Treatment.Month"] = "1", ["Treatment.Year"] = "2024",
            ["Treatment.PainBefore"] = "7", ["Treatment.PainAfter"] = "3", ["Treatment.WouldRepeat"] = "Yes",
        }),
        // A follow-up: the author only; a suspended member who is not the author is turned away like any other.
        new("POST", "threads/{id:int}/follow-up", "/threads/{thread}/follow-up", Access.Owner, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.Equal(4, await c.QueryAsync(db => db.TreatmentFollowUps.Where(f => f.Post!.ThreadId == c.Targets.ThreadId).Select(f => f.Pain).SingleAsync()));
        }, Fields: s_followUp, Act: (forum, caller, targets) => WithRecordAsync(forum, caller, targets, "/follow-up", s_followUp)),
        new("POST", "threads/{id:int}/follow-up/prompts", "/threads/{thread}/follow-up/prompts", Access.Owner, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.True(await c.QueryAsync(db => db.TreatmentRecords.Where(r => r.ThreadId == c.Targets.ThreadId).Select(r => r.FollowUpPromptsOff).SingleAsync()));
        }, Fields: s_promptsOff, Act: (forum, caller, targets) => WithRecordAsync(forum, caller, targets, "/follow-up/prompts", s_promptsOff)),

        // Mapping "Other treatment" stories: the moderators' page reads only; a mapping moves the stories and is logged.
        new("GET", "moderation/treatments", "/moderation/treatments", Access.Moderator, async c =>
        {
            c.Ok();
            await c.UnchangedAsync();
        }, NeedsToken: false),
        new("POST", "moderation/treatments", "/moderation/treatments", Access.Moderator, async c =>
        {
            c.Redirected("/moderation/treatments");
            await c.LoggedOnceAsync();
            var words = $"Matrix {c.Targets.Unique}";
            Assert.True(await c.QueryAsync(db => db.ModerationActions.AnyAsync(a => a.Kind == ModerationKind.MapTreatment && a.Details!.Contains(words))), "No MapTreatment in the log");
            Assert.False(await c.QueryAsync(db => db.TreatmentRecords.AnyAsync(r => r.OtherTreatment == words)), "The story is still under other");
        }, Fields: new() { ["Text"] = "Matrix {unique}", ["Treatment"] = "prp" }, Act: MapOtherAsync),
    ];

    /// <summary>Gives a thread of its own a record of an "other" treatment named for this cell, then maps those words to PRP.</summary>
    private static async Task<ForumClient.Page> MapOtherAsync(MatrixForum forum, Member caller, Targets targets)
    {
        var words = $"Matrix {targets.Unique}";
        var story = await forum.NewTargetsAsync(Target.Content, content: true, contact: false);
        await ModerationState.QueryAsync(forum, async db =>
        {
            db.TreatmentRecords.Add(new TreatmentRecord
            {
                ThreadId = story.ThreadId, TreatmentId = await db.Treatments.Where(t => t.Slug == Treatment.OtherSlug).Select(t => t.Id).SingleAsync(),
                OtherTreatment = words, BodyArea = BodyArea.Knee, TreatedYear = 2024, TreatedMonth = 1, PainBefore = 7, PainAfter = 3, WouldRepeat = WouldRepeat.Yes,
            });
            return await db.SaveChangesAsync();
        });
        return await caller.Client.PostAsync("/moderation/treatments", new Dictionary<string, string?> { ["Text"] = words, ["Treatment"] = "prp" });
    }

    /// <summary>Gives the target thread a treatment record, then posts the form as its author.</summary>
    private static async Task<ForumClient.Page> WithRecordAsync(MatrixForum forum, Member caller, Targets targets, string action, Dictionary<string, string?> fields)
    {
        await ModerationState.QueryAsync(forum, async db =>
        {
            db.TreatmentRecords.Add(new TreatmentRecord
            {
                ThreadId = targets.ThreadId, TreatmentId = await db.Treatments.Where(t => t.Slug == "prp").Select(t => t.Id).SingleAsync(),
                BodyArea = BodyArea.Knee, TreatedYear = 2024, TreatedMonth = 1, PainBefore = 7, PainAfter = 3, WouldRepeat = WouldRepeat.Yes,
            });
            return await db.SaveChangesAsync();
        });
        var filled = fields.ToDictionary(f => f.Key, f => f.Value == "{guid}" ? Guid.NewGuid().ToString() : f.Value);
        return await caller.Client.PostAsync($"/threads/{targets.ThreadId}{action}", filled);
    }
}
