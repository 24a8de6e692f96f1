using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Moderation;

public sealed record TopicChoice(int Id, string Name);

public sealed record ThreadModerationPage(
    int Id, string Title, string Slug, int TopicId, bool IsLocked, bool IsPinned, string AuthorId, string AuthorName, IReadOnlyList<TopicChoice> Topics);

/// <summary>Lock, pin and move threads.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
[Route("moderation/threads/{id:int}")]
public sealed class ThreadModerationController(ForumDbContext db, ModerationService moderation, UserManager<ForumUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new { t.Id, t.Title, t.Slug, t.TopicId, t.IsLocked, t.IsPinned, t.AuthorId, t.Author!.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (thread is null)
        {
            return NotFound();
        }
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new TopicChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
        return View(new ThreadModerationPage(
            thread.Id, thread.Title, thread.Slug, thread.TopicId, thread.IsLocked, thread.IsPinned, thread.AuthorId, thread.DisplayName, topics));
    }

    [HttpPost("{verb:regex(^(lock|unlock|pin|unpin|move)$)}")]
    public async Task<IActionResult> Act(int id, string verb, ReasonForm form, int? topicId, CancellationToken cancellationToken)
    {
        var kind = verb switch
        {
            "lock" => ModerationKind.LockThread,
            "unlock" => ModerationKind.UnlockThread,
            "pin" => ModerationKind.PinThread,
            "unpin" => ModerationKind.UnpinThread,
            _ => ModerationKind.MoveThread,
        };
        return await moderation.ChangeThreadAsync(id, kind, users.GetUserId(User)!, form.Reason, topicId, cancellationToken)
            ? LocalRedirect(ForumUrls.ModerateThread(id))
            : NotFound();
    }
}
