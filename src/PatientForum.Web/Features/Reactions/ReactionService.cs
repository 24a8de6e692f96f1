using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Reactions;

public enum ReactionOutcome
{
    Toggled,

    /// <summary>No such post, or one the public may not read (hidden, or in a hidden thread).</summary>
    NotFound,

    OwnPost,
    TooSoon,
}

/// <summary>What pressing a reaction button did; <see cref="Reactions"/> is the post's reactions after it, as the presser sees them.</summary>
public sealed record ReactionResult(ReactionOutcome Outcome, int ThreadId = 0, PostReactionsView? Reactions = null, TimeSpan Wait = default);

/// <summary>
/// Gives or takes back one member's reaction of one kind to a post. Only on a post the public may read, in a thread
/// locked or not (a reaction is no reply), never on the member's own post, and within the reaction rate limit. The
/// post's author hears of it (<see cref="Notifier.ReactedAsync"/>), and the thread's cached pages and open pages show
/// the new counts (<see cref="ForumChanges.ReactionsChangedAsync"/>). Who may react at all (signed in, confirmed, not
/// suspended) is the controller's policy.
/// </summary>
public sealed class ReactionService(ForumDbContext db, ReactionRateLimits limits, Notifier notifier, ForumChanges changes, TimeProvider clock)
{
    public async Task<ReactionResult> ToggleAsync(ClaimsPrincipal member, int postId, ReactionKind kind, CancellationToken cancellationToken)
    {
        var memberId = member.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId && p.State == PostState.Visible && !p.Thread!.IsHidden)
            .Select(p => new { p.ThreadId, p.AuthorId })
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return new(ReactionOutcome.NotFound);
        }
        if (post.AuthorId == memberId || await db.PersonBehindAsync(post.AuthorId, cancellationToken) == memberId)
        {
            return new(ReactionOutcome.OwnPost);
        }
        if (await limits.TakeAsync(member, cancellationToken) is { } wait)
        {
            return new(ReactionOutcome.TooSoon, Wait: wait);
        }

        var added = await ToggleRowAsync(postId, memberId, kind, cancellationToken);
        if (added)
        {
            await notifier.ReactedAsync(postId, post.AuthorId, post.ThreadId, memberId, cancellationToken);
        }
        else if (!await db.PostReactions.AnyAsync(r => r.PostId == postId, cancellationToken))
        {
            await notifier.ReactionsGoneAsync(postId, post.AuthorId, cancellationToken);
        }
        await changes.ReactionsChangedAsync(postId, cancellationToken);
        return new(ReactionOutcome.Toggled, post.ThreadId, await ReactionsAsync(postId, memberId, cancellationToken));
    }

    /// <summary>Adds the reaction, or removes it when the member already gave it; true when it was added.</summary>
    private async Task<bool> ToggleRowAsync(int postId, string memberId, ReactionKind kind, CancellationToken cancellationToken)
    {
        var existing = await db.PostReactions
            .SingleOrDefaultAsync(r => r.PostId == postId && r.UserId == memberId && r.Kind == kind, cancellationToken);
        if (existing is null)
        {
            db.PostReactions.Add(new PostReaction { PostId = postId, UserId = memberId, Kind = kind, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            db.PostReactions.Remove(existing);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two presses at once (a double click without the script): the other one already made the change.
            db.ChangeTracker.Clear();
            return false;
        }
        return existing is null;
    }

    private async Task<PostReactionsView> ReactionsAsync(int postId, string memberId, CancellationToken cancellationToken)
    {
        var rows = await db.PostReactions.AsNoTracking().Where(r => r.PostId == postId)
            .Select(r => new { r.Kind, Mine = r.UserId == memberId }).ToListAsync(cancellationToken);
        return new PostReactionsView(
            rows.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()),
            rows.Where(r => r.Mine).Select(r => r.Kind).ToHashSet());
    }
}
