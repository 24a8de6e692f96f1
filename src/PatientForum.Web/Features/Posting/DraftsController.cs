using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.ContentWarnings;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// Saving and discarding a member's own drafts: from the composer's script as the member types (it asks for JSON and
/// gets the time saved, or 4xx with the reason), or from the composer's Save draft and Discard draft buttons without
/// script (the composer again, saying so). Only members who may post, only into a composer they could post from: a
/// thread they cannot read or that is locked takes no draft.
/// </summary>
[Authorize(Policy = ForumPolicies.CanPost)]
[EnableRateLimiting(RateLimitPolicy)]
public sealed class DraftsController(ForumDbContext db, DraftStore drafts, ContentWarningCatalog warnings) : Controller
{
    public const string RateLimitPolicy = "drafts";

    /// <summary>The TempData key that tells the composer, after a save without script, to say "Draft saved".</summary>
    public const string JustSavedKey = "DraftSaved";

    private static readonly MessagePage s_locked = new("This thread is locked", "A moderator has locked this thread, so it takes no new replies.");

    [HttpPost("/drafts/thread/{threadId:int}")]
    public async Task<IActionResult> SaveReply(int threadId, ReplyForm form, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (Refusal(thread) is { } refused)
        {
            return refused;
        }
        var text = DraftStore.Clean(null, form.Body, DraftKind.Reply);
        if (DraftStore.Problems(text) is { Count: > 0 } problems)
        {
            return WantsJson ? Unsaved(problems) : Shown("Reply", new ReplyPage(thread!.Id, thread.Title, thread.Slug, form, Draft: Controls(DraftUrls.Reply(threadId))), problems);
        }
        var savedAt = await drafts.SaveAsync(UserId, DraftKind.Reply, threadId, text, cancellationToken, warnings.Normalize(form.ContentWarnings));
        return Saved(savedAt, ForumUrls.Reply(threadId));
    }

    [HttpPost("/drafts/thread/{threadId:int}/discard")]
    public async Task<IActionResult> DiscardReply(int threadId, CancellationToken cancellationToken)
    {
        // A member may always throw away their own words, even from a thread since hidden or locked.
        await drafts.DeleteAsync(UserId, DraftKind.Reply, threadId, cancellationToken);
        return Saved(null, ForumUrls.Reply(threadId));
    }

    [HttpPost("/drafts/topic/{slug}")]
    public async Task<IActionResult> SaveNewThread(string slug, NewThreadForm form, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().InUse().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (topic is null)
        {
            return Gone();
        }
        var text = DraftStore.Clean(form.Title, form.Body, DraftKind.NewThread);
        if (DraftStore.Problems(text) is { Count: > 0 } problems)
        {
            return WantsJson ? Unsaved(problems) : Shown("NewThread", new NewThreadPage(topic.Slug, topic.Name, form, Draft: Controls(DraftUrls.NewThread(slug))), problems);
        }
        var savedAt = await drafts.SaveAsync(UserId, DraftKind.NewThread, topic.Id, text, cancellationToken, warnings.Normalize(form.ContentWarnings));
        return Saved(savedAt, ForumUrls.NewThread(topic.Slug));
    }

    [HttpPost("/drafts/topic/{slug}/discard")]
    public async Task<IActionResult> DiscardNewThread(string slug, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().InUse().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (topic is null)
        {
            return Gone();
        }
        await drafts.DeleteAsync(UserId, DraftKind.NewThread, topic.Id, cancellationToken);
        return Saved(null, ForumUrls.NewThread(topic.Slug));
    }

    private string UserId => Viewer.From(User).UserId!;

    /// <summary>The composer's script asks for JSON; a form posted by the browser gets pages.</summary>
    private bool WantsJson => Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Why no draft may be kept for a reply to <paramref name="thread"/>: gone or hidden from the member (404), or locked (403).</summary>
    private IActionResult? Refusal(ForumThread? thread)
    {
        if (thread is null || !PostingController.IsReadable(thread, User))
        {
            return Gone();
        }
        if (!thread.IsLocked)
        {
            return null;
        }
        if (WantsJson)
        {
            return Refused(StatusCodes.Status403Forbidden, s_locked.Text);
        }
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Message", s_locked);
    }

    private IActionResult Gone() => WantsJson ? Refused(StatusCodes.Status404NotFound, "This thread or topic is not there any more.") : NotFound();

    private static JsonResult Refused(int status, string reason) => new(new DraftRefused(reason)) { StatusCode = status };

    private static JsonResult Unsaved(IReadOnlyList<PostProblem> problems) =>
        Refused(StatusCodes.Status422UnprocessableEntity, string.Join(" ", problems.Select(p => p.Message)));

    private IActionResult Saved(DateTime? savedAt, string composerUrl)
    {
        if (WantsJson)
        {
            return Json(new DraftSaved(savedAt, savedAt is { } at ? DraftStore.TimeText(at) : null));
        }
        if (savedAt is not null)
        {
            TempData[JustSavedKey] = true;
        }
        return Redirect(composerUrl);
    }

    /// <summary>The composer again (its own view, from the Posting views) with the problems on its fields and the member's text kept.</summary>
    private ViewResult Shown<TPage>(string view, TPage page, IReadOnlyList<PostProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View($"~/Features/Posting/Views/Posting/{view}.cshtml", page);
    }

    private static DraftControls Controls(string saveUrl) => new(saveUrl, null);
}
