using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;

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
/// a daily cap, auto-hide at a threshold of distinct members, and self-harm concerns sent to moderators at once.
/// </summary>
public sealed class FlagService(
    ForumDbContext db,
    IOptions<ModerationOptions> options,
    ModeratorMail mail,
    ForumChanges changes,
    Notifier notifier,
    TimeProvider clock)
{
    public async Task<FlagOutcome> FlagAsync(int postId, string flaggerId, FlagReason reason, string? note, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        // A post in a hidden thread is out of the flagger's sight, as the flag form (which does not open) says.
        if (post is null || post.State is PostState.Deleted or PostState.Hidden || post.Thread!.IsHidden)
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
        if (await db.Flags.CountAsync(f => f.FlaggerId == flaggerId && f.CreatedAt > since, cancellationToken) >= options.Value.FlagsPerDay)
        {
            return FlagOutcome.DailyLimitReached;
        }

        db.Flags.Add(new Flag { PostId = postId, FlaggerId = flaggerId, Reason = reason, Note = note, CreatedAt = now });
        var openFlaggers = await db.Flags.CountAsync(f => f.PostId == postId && f.IsOpen, cancellationToken) + 1;
        var hidesNow = post.State == PostState.Visible && openFlaggers >= options.Value.AutoHideThreshold;
        if (hidesNow)
        {
            PostVisibility.Set(post, PostState.AutoHidden);
        }
        if (reason == FlagReason.SelfHarm)
        {
            // Written in the same save as the flag: the alert cannot be lost between the two.
            await mail.AddUrgentAlertAsync(post, cancellationToken);
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
}
