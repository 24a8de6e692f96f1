using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Html;
using PatientForum.Web.Infrastructure.Security;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

/// <summary>Starting threads and replying. Only members with a confirmed email address may post.</summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class PostingController(ForumDbContext db, PostingService posting, ThreadReader reader, UserManager<ForumUser> users, NewMemberLimits newMembers) : Controller
{
    private static readonly MessagePage s_locked = new("This thread is locked", "A moderator has locked this thread, so it takes no new replies.");

    [HttpGet("/t/{topicSlug}/new")]
    public async Task<IActionResult> NewThread(string topicSlug, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == topicSlug, cancellationToken);
        return topic is null
            ? NotFound()
            : View(new NewThreadPage(topic.Slug, topic.Name, new NewThreadForm { SubmissionToken = Guid.NewGuid() }));
    }

    [HttpPost("/t/{topicSlug}/new")]
    [EnableRateLimiting(ForumRateLimits.Thread)]
    public async Task<IActionResult> NewThread(string topicSlug, NewThreadForm form, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == topicSlug, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }
        if (await newMembers.RefuseThreadAsync(User, cancellationToken) is { } refusal)
        {
            return TooMany(refusal);
        }
        form.Title = ForumText.Line(form.Title);
        form.Body = ForumText.Body(form.Body);
        AddProblem(nameof(form.Title), PostRules.TitleProblem(form.Title));
        AddProblem(nameof(form.Body), PostRules.BodyProblem(form.Body) ?? await newMembers.LinksProblemAsync(User, form.Body, cancellationToken));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new NewThreadPage(topic.Slug, topic.Name, form));
        }

        var saved = await posting.StartThreadAsync(topic.Id, users.GetUserId(User)!, form.Title, form.Body, form.SubmissionToken, cancellationToken);
        return RedirectToAction(nameof(ThreadsController.Show), "Threads", new { id = saved.ThreadId, slug = saved.ThreadSlug });
    }

    [HttpGet("/threads/{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null || !IsReadable(thread))
        {
            return NotFound();
        }
        return thread.IsLocked
            ? LockedPage()
            : View(new ReplyPage(thread.Id, thread.Title, thread.Slug, new ReplyForm { SubmissionToken = Guid.NewGuid() }));
    }

    [HttpPost("/threads/{id:int}/reply")]
    [EnableRateLimiting(ForumRateLimits.Reply)]
    public async Task<IActionResult> Reply(int id, ReplyForm form, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null || !IsReadable(thread))
        {
            return NotFound();
        }
        if (thread.IsLocked)
        {
            return LockedPage();
        }
        if (await newMembers.RefuseReplyAsync(User, cancellationToken) is { } refusal)
        {
            return TooMany(refusal);
        }
        form.Body = ForumText.Body(form.Body);
        AddProblem(nameof(form.Body), PostRules.BodyProblem(form.Body) ?? await newMembers.LinksProblemAsync(User, form.Body, cancellationToken));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new ReplyPage(thread.Id, thread.Title, thread.Slug, form));
        }

        var saved = await posting.ReplyAsync(thread, users.GetUserId(User)!, form.Body, form.SubmissionToken, cancellationToken);
        var page = await reader.PageOfPostAsync(saved.ThreadId, saved.PostId, cancellationToken);
        return Redirect(Url.Action(nameof(ThreadsController.Show), "Threads",
            new { id = saved.ThreadId, slug = saved.ThreadSlug, page = page == 1 ? (int?)null : page }, null, null, $"post-{saved.PostId}")!);
    }

    /// <summary>Renders Markdown exactly as saving would, for the composer's preview.</summary>
    [HttpPost("/posts/preview")]
    public IActionResult Preview([FromForm] string? body, [FromServices] IPostRenderer renderer) =>
        Content(renderer.Render(ForumText.Body(body)), "text/html; charset=utf-8");

    /// <summary>A hidden thread takes replies only from its author and the moderators, who can still see it.</summary>
    private bool IsReadable(ForumThread thread)
    {
        var viewer = Viewer.From(User);
        return !thread.IsHidden || viewer.IsModerator || thread.AuthorId == viewer.UserId;
    }

    private void AddProblem(string field, string? problem)
    {
        if (problem is not null)
        {
            ModelState.AddModelError(field, problem);
        }
    }

    /// <summary>The same answer as the rate limiter's (429 with Retry-After), with the reason in words.</summary>
    private ViewResult TooMany(PostingRefusal refusal)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return View("Message", new MessagePage("Too many requests", refusal.Text));
    }

    private ViewResult LockedPage()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Message", s_locked);
    }
}
