using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Moderation;

public enum FlagOutcome
{
    Flagged,
    AlreadyFlagged,
    OwnPost,
    DailyLimitReached,
    NotFlaggable,
}

/// <summary>
/// Raises flags with the community's rules: one open flag per member per post, never on your own post,
/// a daily cap, auto-hide at a threshold of distinct established members, and self-harm concerns sent to moderators at once.
/// </summary>
public sealed class FlagService(
    ForumDbContext db,
    IOptionsMonitor<ModerationOptions> options,
    IOptionsMonitor<RateLimitOptions> newMembers,
    ModeratorMail mail,
    ForumChanges changes,
    Notifier notifier,
    TimeProvider clock)
{
    public async Task<FlagOutcome> FlagAsync(int postId, string flaggerId, FlagReason reason, string? note, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        // A post hidden in any way, or in a hidden thread, is out of the flagger's sight, as the flag form (which does
        // not open) says; it already waits for a moderator, and a flag on it would only send another self-harm alert.
        if (post is null || post.State != PostState.Visible || post.Thread!.IsHidden)
        {
            return FlagOutcome.NotFlaggable;
        }
        if (post.AuthorId == flaggerId)
        {
            return FlagOutcome.OwnPost;
        }
        if (await db.Flags.AnyAsync(f => f.PostId == postId && f.FlaggerId == flaggerId && f.IsOpen, cancellationToken))
        {
            return FlagOutcome.AlreadyFlagged;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        if (await db.Flags.CountAsync(f => f.FlaggerId == flaggerId && f.CreatedAt > since, cancellationToken) >= options.CurrentValue.FlagsPerDay)
        {
            return FlagOutcome.DailyLimitReached;
        }

        db.Flags.Add(new Flag { PostId = postId, FlaggerId = flaggerId, Reason = reason, Note = note, CreatedAt = now });
        var hidesNow = await CountedFlaggersAsync(postId, flaggerId, now, cancellationToken) >= options.CurrentValue.AutoHideThreshold;
        if (hidesNow)
        {
            PostVisibility.Set(post, PostState.AutoHidden);
        }
        if (reason == FlagReason.SelfHarm)
        {
            // Written in the same save as the flag: the alert cannot be lost between the two.
            await mail.AddUrgentAlertAsync(post, automatic: false, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second submit of the same flag raced the first; the unique index kept one.
            return FlagOutcome.AlreadyFlagged;
        }

        mail.Wake();
        if (hidesNow)
        {
            await changes.PostVisibilityChangedAsync(post.Id, cancellationToken);
            await notifier.WithdrawAsync(post, cancellationToken);
        }
        await changes.ModerationQueueChangedAsync(cancellationToken);
        return FlagOutcome.Flagged;
    }

    /// <summary>
    /// The members with an open flag on the post, this one included, who count toward auto-hide: only those past the
    /// new-member period (Forum:RateLimits:NewUserHours, whether or not the posting limits are on), so that a few
    /// accounts made for the purpose cannot hide any post. Every flag still reaches the review queue.
    /// </summary>
    private async Task<int> CountedFlaggersAsync(int postId, string flaggerId, DateTime now, CancellationToken cancellationToken)
    {
        var joinedBy = now.AddHours(-newMembers.CurrentValue.NewUserHours);
        var earlier = await db.Flags.CountAsync(f => f.PostId == postId && f.IsOpen && f.Flagger!.CreatedAt <= joinedBy, cancellationToken);
        var flaggerCounts = await db.Users.AnyAsync(u => u.Id == flaggerId && u.CreatedAt <= joinedBy, cancellationToken);
        return earlier + (flaggerCounts ? 1 : 0);
    }
}
