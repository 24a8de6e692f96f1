using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Treatments;

/// <summary>The record's edit form as posted: its fields are named as the composer's ("Treatment.PainBefore").</summary>
public sealed class TreatmentEditForm
{
    public TreatmentForm Treatment { get; set; } = new();
}

/// <summary>The page model of the record's edit form.</summary>
public sealed record TreatmentEditPage(int ThreadId, string ThreadTitle, string ThreadUrl, string TopicSlug, TreatmentForm Form, bool IsNew);

/// <summary>
/// The thread's author adds or edits its treatment record; each earlier version is kept (<see cref="TreatmentRecordRevision"/>).
/// Anyone else is refused, a moderator included: the numbers are the author's own account.
/// </summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class TreatmentRecordController(ForumDbContext db, TreatmentRecords records, TreatmentFormReader reader) : Controller
{
    [HttpGet("/threads/{id:int}/treatment")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (await ThreadAsync(id, cancellationToken) is not { } thread)
        {
            return NotFound();
        }
        if (!await db.WritesAsAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), thread.AuthorId, cancellationToken))
        {
            return Forbid();
        }
        var record = await records.FindAsync(id, cancellationToken);
        return View(PageOf(thread, record is null ? new TreatmentForm() : TreatmentRecords.FormOf(record), record is null));
    }

    [HttpPost("/threads/{id:int}/treatment")]
    public async Task<IActionResult> Edit(int id, TreatmentEditForm posted, CancellationToken cancellationToken)
    {
        var form = posted.Treatment;
        if (await ThreadAsync(id, cancellationToken) is not { } thread)
        {
            return NotFound();
        }
        if (!await db.WritesAsAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), thread.AuthorId, cancellationToken))
        {
            return Forbid();
        }
        var record = await records.FindAsync(id, cancellationToken);
        var reading = await reader.ReadAsync(form, cancellationToken);
        if (reading.Values is not { } values)
        {
            foreach (var problem in reading.Problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(PageOf(thread, form, record is null));
        }
        await records.SaveAsync(id, record, values, cancellationToken);
        return Redirect(ForumUrls.Thread(thread.Id, thread.Slug));
    }

    /// <summary>The thread as its author can see it (hidden or not); a thread the member cannot see at all is not there.</summary>
    private Task<ForumThread?> ThreadAsync(int id, CancellationToken cancellationToken) =>
        db.Threads.AsNoTracking().Include(t => t.Topic).ReadableBy(Viewer.From(User)).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    private static TreatmentEditPage PageOf(ForumThread thread, TreatmentForm form, bool isNew) =>
        new(thread.Id, thread.Title, ForumUrls.Thread(thread.Id, thread.Slug), thread.Topic!.Slug, form, isNew);
}
