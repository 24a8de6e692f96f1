using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Aliases;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Features.Treatments;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// Starting threads and replying. Only members with a confirmed email address may post; whether a post is taken
/// (the text, a suspension, a locked thread, the posting limits) is <see cref="PostingService"/>'s to say, and a post
/// it does not take shows its form again with what the member wrote. The forms themselves are for members who may
/// post now.
/// </summary>
[Authorize(Policy = ForumPolicies.CanSubmitPost)]
public sealed class PostingController(
    ForumDbContext db, PostingService posting, ThreadReader reader, DraftStore drafts, AliasDirectory aliases, QuotedWarnings warnings) : Controller
{
    private static readonly MessagePage s_locked = new("This thread is locked", "A moderator has locked this thread, so it takes no new replies.");

    [Authorize(Policy = ForumPolicies.CanPost)]
    [HttpGet("/t/{topicSlug}/new")]
    public async Task<IActionResult> NewThread(string topicSlug, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().InUse().SingleOrDefaultAsync(t => t.Slug == topicSlug, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }
        var draft = await drafts.FindAsync(User, DraftKind.NewThread, topic.Id, cancellationToken);
        var form = new NewThreadForm
        {
            SubmissionToken = Guid.NewGuid(), Title = draft?.Title, Body = draft?.Body, ContentWarnings = [.. ContentWarningCatalog.Keys(draft?.ContentWarnings)],
        };
        return View(new NewThreadPage(topic.Slug, topic.Name, form, Draft: Controls(DraftUrls.NewThread(topic.Slug), draft), TopicMembersOnly: topic.MembersOnly));
    }

    [HttpPost("/t/{topicSlug}/new")]
    public async Task<IActionResult> NewThread(
        string topicSlug, NewThreadForm form, [FromServices] TreatmentFormReader treatments, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().InUse().SingleOrDefaultAsync(t => t.Slug == topicSlug, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }
        if (!topic.MembersOnly && (ModelState.GetFieldValidationState(nameof(form.Audience)) == ModelValidationState.Invalid || !Enum.IsDefined(form.Audience)))
        {
            // Never guess: a choice that did not arrive as one of the two is asked again, with the member's text kept.
            ModelState.Remove(nameof(form.Audience));
            ModelState.AddModelError(nameof(form.Audience), "Choose who can read this thread: public, or members only.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new NewThreadPage(topic.Slug, topic.Name, form, Draft: Controls(DraftUrls.NewThread(topic.Slug), null)));
        }
        var record = form.Treatment.IsEmpty ? null : await treatments.ReadAsync(form.Treatment, cancellationToken);
        if (record is { Values: null })
        {
            // Nothing is saved while the treatment details are wrong, so a thread never stands without the record its author meant.
            foreach (var problem in record.Problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new NewThreadPage(topic.Slug, topic.Name, form, Draft: Controls(DraftUrls.NewThread(topic.Slug), null), TopicMembersOnly: topic.MembersOnly));
        }
        var audience = topic.MembersOnly ? ThreadAudience.Members : form.Audience;
        var alias = await AliasAsync(form.UnderAlias, topic.Id, cancellationToken);
        var result = await posting.StartThreadAsync(User, topic.Id, audience, form.Title, form.Body, form.SubmissionToken, form.PostAnyway, cancellationToken, alias,
            await warnings.ForAsync(form.ContentWarnings, form.Body, cancellationToken), record?.Values, form.AsStaff);
        if (result.Saved is { } saved)
        {
            await drafts.DeleteAsync(User, DraftKind.NewThread, topic.Id, cancellationToken);
            this.KeepSavedNotice(saved);
            return this.AfterSaved(saved, ForumUrls.Thread(saved.ThreadId, saved.ThreadSlug));
        }
        this.ShowNotSaved(result);
        form.Title = result.Text.Title;
        form.Body = result.Text.Body;
        var draft = await drafts.FindAsync(User, DraftKind.NewThread, topic.Id, cancellationToken);
        return View(new NewThreadPage(
            topic.Slug, topic.Name, form, result.Refusal, Controls(DraftUrls.NewThread(topic.Slug), draft, afterPost: true), topic.MembersOnly)
            { Warnings = result.Warnings });
    }

    [Authorize(Policy = ForumPolicies.CanPost)]
    [HttpGet("/threads/{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null || !IsReadable(thread, User))
        {
            return NotFound();
        }
        if (thread.IsLocked)
        {
            return LockedPage();
        }
        var draft = await drafts.FindAsync(User, DraftKind.Reply, thread.Id, cancellationToken);
        var form = new ReplyForm { SubmissionToken = Guid.NewGuid(), Body = draft?.Body, ContentWarnings = [.. ContentWarningCatalog.Keys(draft?.ContentWarnings)] };
        return View(new ReplyPage(thread.Id, thread.Title, thread.Slug, form, Draft: Controls(DraftUrls.Reply(thread.Id), draft)));
    }

    [HttpPost("/threads/{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, ReplyForm form, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null || !IsReadable(thread, User))
        {
            // Gone, or hidden (perhaps while the member wrote): one answer for both, which keeps their text and names no thread.
            Response.StatusCode = PostingRefusal.ThreadGone.Status;
            return View(new ReplyPage(id, null, null, form, PostingRefusal.ThreadGone));
        }
        var alias = await AliasAsync(form.UnderAlias, thread.TopicId, cancellationToken);
        var result = await posting.ReplyAsync(
            User, thread, form.Body, form.SubmissionToken, form.PostAnyway, cancellationToken, alias,
            await warnings.ForAsync(form.ContentWarnings, form.Body, cancellationToken), asStaff: form.AsStaff);
        if (result.Saved is { } saved)
        {
            await drafts.DeleteAsync(User, DraftKind.Reply, thread.Id, cancellationToken);
            this.KeepSavedNotice(saved);
            return this.AfterSaved(saved, await reader.PostUrlAsync(saved.ThreadId, saved.ThreadSlug, saved.PostId, cancellationToken));
        }
        this.ShowNotSaved(result);
        form.Body = result.Text.Body;
        var draft = await drafts.FindAsync(User, DraftKind.Reply, thread.Id, cancellationToken);
        return View(new ReplyPage(thread.Id, thread.Title, thread.Slug, form, result.Refusal, Controls(DraftUrls.Reply(thread.Id), draft, afterPost: true))
            { Warnings = result.Warnings });
    }

    /// <summary>
    /// Renders Markdown exactly as saving would, for the composer's preview. A body that saving would refuse for its
    /// length or its marks is refused here too (422, the reason as text) before it is rendered, so the preview cannot
    /// be made to render megabytes.
    /// </summary>
    [Authorize(Policy = ForumPolicies.CanPost)]
    [HttpPost("/posts/preview")]
    public async Task<IActionResult> Preview([FromForm] string? body, [FromServices] MentionLinks renderer, CancellationToken cancellationToken)
    {
        var text = ForumText.Body(body);
        if (PostRules.BodyProblem(text) is { } problem && text.Length > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Content(problem, "text/plain; charset=utf-8");
        }
        return Content(await renderer.RenderAsync(text, cancellationToken), "text/html; charset=utf-8");
    }

    /// <summary>A hidden thread takes replies (and drafts of them) only from its author and the moderators, who can still see it.</summary>
    public static bool IsReadable(ForumThread thread, ClaimsPrincipal member)
    {
        var viewer = Viewer.From(member);
        return !thread.IsHidden || viewer.IsModerator || thread.AuthorId == viewer.UserId;
    }

    /// <summary>
    /// The composer's draft controls, with the note of the member's draft when there is one: restored on opening the
    /// composer, or saved just now by its Save draft button without script; a form shown again after a refused post
    /// only says that the draft is still kept, as the text in the form is the member's latest.
    /// </summary>
    private DraftControls Controls(string saveUrl, Draft? draft, bool afterPost = false)
    {
        var lead = afterPost ? "Your draft is kept" : TempData[DraftsController.JustSavedKey] is true ? "Draft saved" : "Draft restored";
        return new(saveUrl, draft is null ? null : new DraftNote(lead, draft.UpdatedAt, DraftUrls.Discard(saveUrl)));
    }

    /// <summary>The member's alias in the topic when they chose it and the topic allows aliases; made now on first use.</summary>
    private async Task<AliasView?> AliasAsync(bool chosen, int topicId, CancellationToken cancellationToken) =>
        chosen && await db.Topics.AnyAsync(t => t.Id == topicId && t.AllowAliases, cancellationToken)
            ? await aliases.ForPostingAsync(Viewer.From(User).UserId!, topicId, cancellationToken)
            : null;

    private ViewResult LockedPage()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Message", s_locked);
    }
}
