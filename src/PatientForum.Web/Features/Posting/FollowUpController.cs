using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Aliases;
using PatientForum.Web.Features.Treatments;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// "How is it now?": the author of a thread with a treatment record adds a later pain score and a short note. It is
/// posted as a reply (through <see cref="PostingService"/>, so every check a reply meets applies: suspension, a locked
/// thread, the posting limits, the safety review) and kept with the record for the change-over-time chart. The author
/// also turns the follow-up prompts for the story off and on here.
/// </summary>
[Authorize(Policy = ForumPolicies.CanSubmitPost)]
public sealed class FollowUpController(
    ForumDbContext db, PostingService posting, AliasDirectory aliases, TreatmentAggregator aggregates, TimeProvider clock) : Controller
{
    private static readonly MessagePage s_locked = new("This thread is locked", "A moderator has locked this thread, so it takes no new replies or follow-ups.");

    [Authorize(Policy = ForumPolicies.CanPost)]
    [HttpGet("/threads/{id:int}/follow-up")]
    public async Task<IActionResult> FollowUp(int id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is not (ForumThread thread, TreatmentRecord record, null))
        {
            return found.Refusal!;
        }
        if (thread.IsLocked)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View("Message", s_locked);
        }
        return View(PageOf(thread, record, new FollowUpForm { SubmissionToken = Guid.NewGuid() }));
    }

    [HttpPost("/threads/{id:int}/follow-up")]
    public async Task<IActionResult> FollowUp(int id, FollowUpForm form, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is not (ForumThread thread, TreatmentRecord record, null))
        {
            return found.Refusal!;
        }
        var (pain, problem) = form.Read();
        if (problem is not null)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(PageOf(thread, record, form));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var months = FollowUpPoints.MonthsSince(record.TreatedYear, record.TreatedMonth, now);
        var followUp = new TreatmentFollowUp { RecordId = record.Id, Pain = pain!.Value, Note = form.Note?.Trim(), MonthsSince = months, CreatedAt = now };
        var memberId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;

        // A story written under an alias is followed up under the same alias.
        var alias = thread.AuthorId == memberId ? null : await aliases.ForPostingAsync(memberId, thread.TopicId, cancellationToken);
        var result = await posting.ReplyAsync(
            User, thread, FollowUpForm.ReplyText(pain.Value, months, record.PainBefore, form.Note), form.SubmissionToken, form.PostAnyway, cancellationToken,
            alias, followUp: followUp);
        if (result.Saved is { } saved)
        {
            this.KeepSavedNotice(saved);
            await aggregates.ThreadChangedAsync(thread.Id, cancellationToken);
            return this.AfterSaved(saved, ForumUrls.Post(saved.PostId));
        }
        this.ShowNotSaved(result);
        return View(PageOf(thread, record, form) with { Refusal = result.Refusal, Warnings = result.Warnings });
    }

    /// <summary>Stops the story's follow-up prompts (<paramref name="off"/>) or starts them again.</summary>
    [Authorize(Policy = ForumPolicies.CanPost)]
    [HttpPost("/threads/{id:int}/follow-up/prompts")]
    public async Task<IActionResult> Prompts(int id, bool off, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is not (ForumThread thread, TreatmentRecord record, null))
        {
            return found.Refusal!;
        }
        await db.TreatmentRecords.Where(r => r.Id == record.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.FollowUpPromptsOff, off), cancellationToken);
        return Redirect(ForumUrls.Thread(thread.Id, thread.Slug) + "#treatment-summary-heading");
    }

    /// <summary>
    /// The thread and its record when the member may follow it up: a thread they can read (a hidden thread stays open to
    /// its author, as for any reply) with a record. Not found otherwise; forbidden when it is not theirs (nor their alias's).
    /// </summary>
    private async Task<(ForumThread? Thread, TreatmentRecord? Record, IActionResult? Refusal)> FindAsync(int id, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null || !PostingController.IsReadable(thread, User))
        {
            return (null, null, NotFound());
        }
        if (!await db.WritesAsAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), thread.AuthorId, cancellationToken))
        {
            return (null, null, Forbid());
        }
        var record = await db.TreatmentRecords.AsNoTracking().Include(r => r.Treatment).SingleOrDefaultAsync(r => r.ThreadId == id, cancellationToken);
        return record is null ? (null, null, NotFound()) : (thread, record, null);
    }

    private static FollowUpPage PageOf(ForumThread thread, TreatmentRecord record, FollowUpForm form) =>
        new(thread.Id, thread.Title, ForumUrls.Thread(thread.Id, thread.Slug), record.Treatment!.Name, form);
}
