using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Moderation;

/// <summary>
/// Every moderator action, each written to the audit log in the same save as the change itself, then
/// made seen (<see cref="ForumChanges"/>: cached pages evicted, open pages pushed).
/// </summary>
public sealed class ModerationService(
    ForumDbContext db, MentionLinks renderer, ForumChanges changes, Notifier notifier, UserManager<ForumUser> users, TimeProvider clock)
{
    /// <summary>Keep, hide, restore or delete a post. Keep and the decisive actions close its open flags.</summary>
    public async Task<bool> SetPostStateAsync(int postId, ModerationKind kind, string actorId, string? reason, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return false;
        }
        if ((post.State == PostState.Held && kind is ModerationKind.KeepPost or ModerationKind.RestorePost)
            || (post.NeverPublished && kind == ModerationKind.RestorePost))
        {
            // Keeping or restoring a held post, or restoring one hidden before it was ever published, publishes it, with
            // everything that goes with that.
            return await ApproveAsync(postId, actorId, reason, cancellationToken);
        }
        var state = kind switch
        {
            ModerationKind.KeepPost => post.State == PostState.AutoHidden ? PostState.Visible : post.State,
            ModerationKind.HidePost => PostState.Hidden,
            ModerationKind.RestorePost => PostState.Visible,
            ModerationKind.DeletePost => PostState.Deleted,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a post state action."),
        };
        var changed = state != post.State;
        PostVisibility.Set(post, state);
        if (kind != ModerationKind.RestorePost)
        {
            await ResolveFlagsAsync(postId, actorId, cancellationToken);
        }
        Audit(kind, actorId, reason, post.Id, post.ThreadId, post.AuthorId);
        var notice = !changed ? (NotificationKind?)null : state == PostState.Visible ? NotificationKind.PostRestored : NotificationKind.PostHidden;
        if (notice is { } noticeKind)
        {
            await notifier.ModeratorActedAsync(post, noticeKind, reason, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);

        if (changed)
        {
            await changes.PostVisibilityChangedAsync(post.Id, cancellationToken);
            if (state != PostState.Visible)
            {
                await notifier.WithdrawAsync(post, cancellationToken);
            }
            await notifier.ModeratorActionSavedAsync(post, cancellationToken);
        }
        await changes.ModerationQueueChangedAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Approves a post held for review: one never published is published as if it had just been posted (counted in its
    /// thread, pushed to open pages, its notifications made); one held by its author's edit is shown again. Its open
    /// flags are closed, and the approval is in the audit log.
    /// </summary>
    public async Task<bool> ApproveAsync(int postId, string actorId, string? reason, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return false;
        }
        var held = post.State == PostState.Held || post.NeverPublished;
        var firstPublished = post.NeverPublished;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (held)
        {
            PostVisibility.Set(post, PostState.Visible);
            post.NeverPublished = false;
        }
        if (firstPublished)
        {
            notifier.PostSaving(post);
        }
        await ResolveFlagsAsync(postId, actorId, cancellationToken);
        Audit(ModerationKind.ApprovePost, actorId, reason, post.Id, post.ThreadId, post.AuthorId);
        await db.SaveChangesAsync(cancellationToken);
        if (firstPublished && !post.IsOpening)
        {
            // Counted now, as a reply is when it is saved: in the database, so no concurrent reply's count is lost.
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Threads.Where(t => t.Id == post.ThreadId).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1)
                .SetProperty(t => t.LastActivityAt, t => t.LastActivityAt > now ? t.LastActivityAt : now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        if (firstPublished)
        {
            notifier.Wake();
            await (post.IsOpening ? changes.ThreadChangedAsync(post.ThreadId, cancellationToken) : changes.PostPublishedAsync(post.Id, cancellationToken));
        }
        else if (held)
        {
            await changes.PostVisibilityChangedAsync(post.Id, cancellationToken);
        }
        await changes.ModerationQueueChangedAsync(cancellationToken);
        return true;
    }

    /// <summary>Edits or redacts a post's text; the old text stays in its history and the post says a moderator edited it.</summary>
    public async Task<bool> EditPostAsync(int postId, string actorId, string body, string? reason, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return false;
        }
        post.Revise(body, await renderer.RenderAsync(body, cancellationToken), actorId, clock.GetUtcNow().UtcDateTime, byModerator: true);
        Audit(ModerationKind.EditPost, actorId, reason, post.Id, post.ThreadId, post.AuthorId);
        await notifier.ModeratorActedAsync(post, NotificationKind.PostEditedByModerator, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await changes.PostUpdatedAsync(post.Id, cancellationToken);
        await notifier.ModeratorActionSavedAsync(post, cancellationToken);
        return true;
    }

    /// <summary>Lock, unlock, pin, unpin, or move a thread to <paramref name="topicId"/>.</summary>
    public async Task<bool> ChangeThreadAsync(int threadId, ModerationKind kind, string actorId, string? reason, int? topicId, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.Include(t => t.Topic).SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return false;
        }
        string? details = null;
        switch (kind)
        {
            case ModerationKind.LockThread or ModerationKind.UnlockThread:
                thread.IsLocked = kind == ModerationKind.LockThread;
                break;
            case ModerationKind.PinThread or ModerationKind.UnpinThread:
                thread.IsPinned = kind == ModerationKind.PinThread;
                break;
            case ModerationKind.MoveThread:
                var target = await db.Topics.InUse().SingleOrDefaultAsync(t => t.Id == topicId, cancellationToken);
                if (target is null || await HoldsAliasedPostsAsync(threadId, cancellationToken))
                {
                    return false;
                }
                details = $"from {thread.Topic!.Name} to {target.Name}";
                thread.Topic = target;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a thread action.");
        }
        Audit(kind, actorId, reason, null, thread.Id, thread.AuthorId, details);
        await db.SaveChangesAsync(cancellationToken);
        await changes.ThreadChangedAsync(thread.Id, cancellationToken);
        return true;
    }

    /// <summary>
    /// Whether any post of the thread is written under an alias. Such a thread is never moved: an alias belongs to one
    /// topic, and in the new one its posts would stand beside the member's alias there, which links the two.
    /// </summary>
    public Task<bool> HoldsAliasedPostsAsync(int threadId, CancellationToken cancellationToken) =>
        db.Posts.AnyAsync(p => p.ThreadId == threadId && db.MemberAliases.Any(a => a.AliasUserId == p.AuthorId), cancellationToken);

    /// <summary>
    /// Suspends a member until <paramref name="until"/> (null: indefinitely) and ends their sessions. Nobody
    /// suspends themselves, and only admins suspend staff, so a moderator cannot lock out an admin.
    /// </summary>
    public async Task<SuspensionOutcome> SuspendAsync(string userId, DateTime? until, string actorId, string? reason, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsSystem)
        {
            return SuspensionOutcome.NotFound;
        }
        if (await RefusalAsync(user, actorId) is { } refused)
        {
            return refused;
        }
        user.SuspendedUntil = until ?? DateTime.MaxValue;
        user.SuspensionReason = reason;
        Audit(ModerationKind.SuspendUser, actorId, reason, null, null, user.Id, until is null ? "indefinitely" : $"until {until:yyyy-MM-dd HH:mm} UTC");
        await users.UpdateSecurityStampAsync(user);
        return SuspensionOutcome.Done;
    }

    /// <summary>Lifts a suspension; the same people who may suspend a member may lift it.</summary>
    public async Task<SuspensionOutcome> UnsuspendAsync(string userId, string actorId, string? reason, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return SuspensionOutcome.NotFound;
        }
        if (await RefusalAsync(user, actorId) is { } refused)
        {
            return refused;
        }
        user.SuspendedUntil = null;
        user.SuspensionReason = null;
        Audit(ModerationKind.UnsuspendUser, actorId, reason, null, null, user.Id);
        await users.UpdateSecurityStampAsync(user);
        return SuspensionOutcome.Done;
    }

    private async Task<SuspensionOutcome?> RefusalAsync(ForumUser target, string actorId)
    {
        if (target.Id == actorId)
        {
            return SuspensionOutcome.Self;
        }
        var targetIsStaff = (await users.GetRolesAsync(target)).Any(ForumRoles.All.Contains);
        if (!targetIsStaff)
        {
            return null;
        }
        var actor = await users.FindByIdAsync(actorId);
        return actor is not null && await users.IsInRoleAsync(actor, ForumRoles.Admin) ? null : SuspensionOutcome.StaffNeedsAdmin;
    }

    /// <summary>Records an action in the audit log; saved with the caller's change. A null actor is the command line.</summary>
    public void Audit(ModerationKind kind, string? actorId, string? reason, int? postId, int? threadId, string? targetUserId, string? details = null) =>
        db.ModerationActions.Add(new ModerationAction
        {
            ActorId = actorId,
            Kind = kind,
            PostId = postId,
            ThreadId = threadId,
            TargetUserId = targetUserId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : ForumText.Line(reason),
            Details = details,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

    private async Task ResolveFlagsAsync(int postId, string actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var flag in await db.Flags.Where(f => f.PostId == postId && f.IsOpen).ToListAsync(cancellationToken))
        {
            flag.IsOpen = false;
            flag.ResolvedAt = now;
            flag.ResolvedById = actorId;
        }
    }
}

/// <summary>What came of a suspension or its lifting.</summary>
public enum SuspensionOutcome
{
    Done,
    NotFound,

    /// <summary>The actor tried to change their own suspension.</summary>
    Self,

    /// <summary>The member is a moderator or admin and the actor is not an admin.</summary>
    StaffNeedsAdmin,
}
