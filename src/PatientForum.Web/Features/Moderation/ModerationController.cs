using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Moderation;

public sealed class ReasonForm
{
    public string? Reason { get; set; }
}

public sealed class ModeratorEditForm
{
    public string? Body { get; set; }
    public string? Reason { get; set; }
}

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, bool SinglePost, IReadOnlyList<ReadingAlertItem>? ReadingAlerts = null)
{
    /// <summary>Set when the queue shows the posts whose authors posted anyway past a personal-information warning.</summary>
    public IReadOnlyList<PostedAnywayItem>? PostedAnyway { get; init; }
}

public sealed record ModeratorEditPage(int PostId, int ThreadId, string ThreadTitle, string AuthorName, ModeratorEditForm Form);

/// <summary>The review queue and the actions on posts. Moderators and admins only, checked here on the server.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
[Route("moderation")]
public sealed class ModerationController(
    ReviewQueueReader queue, ModerationService moderation, ForumDbContext db, UserManager<ForumUser> users, TimeProvider clock) : Controller
{
    /// <summary>The queue; <c>?show=posted-anyway</c> lists instead the posts published past a personal-information warning.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Queue(string? show, CancellationToken cancellationToken) =>
        show == "posted-anyway"
            ? View(new QueuePage([], SinglePost: false) { PostedAnyway = await queue.PostedAnywayAsync(cancellationToken) })
            : View(new QueuePage(
                await queue.ListAsync(null, cancellationToken), SinglePost: false,
                await queue.ReadingAlertsAsync(clock.GetUtcNow().UtcDateTime, cancellationToken)));

    [HttpGet("posts/{id:int}")]
    public async Task<IActionResult> Post(int id, CancellationToken cancellationToken)
    {
        var items = await queue.ListAsync(id, cancellationToken);
        return items.Count == 0 ? NotFound() : View("Queue", new QueuePage(items, SinglePost: true));
    }

    [HttpPost("posts/{id:int}/{verb:regex(^(keep|hide|restore|delete)$)}")]
    public async Task<IActionResult> Act(int id, string verb, ReasonForm form, string? returnUrl, CancellationToken cancellationToken)
    {
        var kind = verb switch
        {
            "keep" => ModerationKind.KeepPost,
            "hide" => ModerationKind.HidePost,
            "restore" => ModerationKind.RestorePost,
            _ => ModerationKind.DeletePost,
        };
        if (!await moderation.SetPostStateAsync(id, kind, users.GetUserId(User)!, form.Reason, cancellationToken))
        {
            return NotFound();
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : ForumUrls.ModeratePost(id));
    }

    /// <summary>Publishes a post held for review by the safety rules.</summary>
    [HttpPost("posts/{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, ReasonForm form, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!await moderation.ApproveAsync(id, users.GetUserId(User)!, form.Reason, cancellationToken))
        {
            return NotFound();
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : ForumUrls.ModeratePost(id));
    }

    [HttpGet("posts/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FindAsync([id], cancellationToken);
        return post is null ? NotFound() : View(await EditPageAsync(post, new ModeratorEditForm { Body = post.Markdown }, cancellationToken));
    }

    [HttpPost("posts/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ModeratorEditForm form, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FindAsync([id], cancellationToken);
        if (post is null)
        {
            return NotFound();
        }
        form.Body = ForumText.Body(form.Body);
        if (Posting.PostRules.BodyProblem(form.Body) is { } problem)
        {
            ModelState.AddModelError(nameof(form.Body), problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await EditPageAsync(post, form, cancellationToken));
        }
        await moderation.EditPostAsync(id, users.GetUserId(User)!, form.Body, form.Reason, cancellationToken);
        return LocalRedirect(ForumUrls.ModeratePost(id));
    }

    private async Task<ModeratorEditPage> EditPageAsync(Post post, ModeratorEditForm form, CancellationToken cancellationToken)
    {
        await db.Entry(post).Reference(p => p.Thread).LoadAsync(cancellationToken);
        await db.Entry(post).Reference(p => p.Author).LoadAsync(cancellationToken);
        return new ModeratorEditPage(post.Id, post.ThreadId, post.Thread!.Title, post.Author!.DisplayName, form);
    }
}
