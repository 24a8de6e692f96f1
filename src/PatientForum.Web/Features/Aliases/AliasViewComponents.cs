using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Aliases;

/// <summary>What the composer's alias choice shows: the member's alias in the topic, or none yet (one is made on posting).</summary>
public sealed record AliasChoiceModel(string? AliasName, bool Chosen);

/// <summary>
/// The composer's "Post under my alias in this topic" checkbox, for a topic that allows aliases (by the topic, or the
/// thread replied to). Opening the composer makes nothing: an alias is made when the member first posts under it.
/// </summary>
public sealed class AliasChoice(ForumDbContext db, AliasDirectory aliases) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? topicSlug, int? threadId, bool chosen = false)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var memberId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var topic = topicSlug is not null
            ? await db.Topics.AsNoTracking().InUse().Where(t => t.Slug == topicSlug && t.AllowAliases).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken)
            : await db.Threads.AsNoTracking().Where(t => t.Id == threadId && t.Topic!.AllowAliases).Select(t => (int?)t.TopicId).SingleOrDefaultAsync(cancellationToken);
        if (memberId is null || topic is not { } id)
        {
            return Content("");
        }
        var alias = await aliases.FindAsync(memberId, id, cancellationToken);

        // A reply in a thread the member already wrote in under the alias goes on under it, unless they untick it.
        chosen |= alias is not null && threadId is not null
            && await db.Posts.AnyAsync(p => p.ThreadId == threadId && p.AuthorId == alias.UserId, cancellationToken);
        return View("/Features/Aliases/Views/Components/AliasChoice.cshtml", new AliasChoiceModel(alias?.DisplayName, chosen));
    }
}

/// <summary>The author's row of actions on a post in the review queue: the reveal and suspend-author forms when the post
/// is under an alias (and, while the member behind it is suspended, the form to lift that), otherwise the link to
/// suspend the author's own account.</summary>
public sealed record AuthorActionsModel(int PostId, string AuthorId, string AuthorName, bool IsAlias, DateTime? SuspendedUntil = null);

/// <inheritdoc cref="AuthorActionsModel"/>
public sealed class AliasModerationActions(ForumDbContext db, AliasModeration moderation) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int postId, string authorId, string authorName)
    {
        var isAlias = await db.MemberAliases.AnyAsync(a => a.AliasUserId == authorId, HttpContext.RequestAborted);
        var suspendedUntil = isAlias ? await moderation.AuthorSuspendedUntilAsync(postId, HttpContext.RequestAborted) : null;
        return View("/Features/Aliases/Views/Components/AliasModerationActions.cshtml", new AuthorActionsModel(postId, authorId, authorName, isAlias, suspendedUntil));
    }
}
