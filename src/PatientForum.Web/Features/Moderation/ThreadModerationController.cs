using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Moderation;

public sealed record TopicChoice(int Id, string Name);

public sealed record ThreadModerationPage(
    int Id, string Title, string Slug, int TopicId, bool IsLocked, bool IsPinned, string AuthorId, string AuthorName, IReadOnlyList<TopicChoice> Topics,
    bool HoldsAliasedPosts);

/// <summary>Lock, pin and move threads.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
[Route("moderation/threads/{id:int}")]
public sealed class ThreadModerationController(ForumDbContext db, ModerationService moderation, UserManager<ForumUser> users) : Controller
{
    /// <summary>Why a thread with aliased posts stays in its topic (<see cref="ModerationService.HoldsAliasedPostsAsync"/>).</summary>
    public const string AliasedThreadStays =
        "It holds posts written under an alias, and an alias belongs to one topic: in another topic they would stand beside "
        + "the member's alias there, which would link the two. Lock or hide the thread instead, or ask its authors to post again.";

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
        var topics = await db.Topics.AsNoTracking().InUse().OrderBy(t => t.SortOrder).Select(t => new TopicChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
        return View(new ThreadModerationPage(
            thread.Id, thread.Title, thread.Slug, thread.TopicId, thread.IsLocked, thread.IsPinned, thread.AuthorId, thread.DisplayName, topics,
            await moderation.HoldsAliasedPostsAsync(id, cancellationToken)));
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
        if (kind == ModerationKind.MoveThread && await moderation.HoldsAliasedPostsAsync(id, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Message", new MessagePage("This thread cannot be moved", AliasedThreadStays));
        }
        return await moderation.ChangeThreadAsync(id, kind, users.GetUserId(User)!, form.Reason, topicId, cancellationToken)
            ? LocalRedirect(ForumUrls.ModerateThread(id))
            : NotFound();
    }
}
