using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Notifications;

namespace PatientForum.Web.Features.Aliases;

/// <summary>Who a reveal named: the alias, and the member behind it (for the moderator's page only).</summary>
public sealed record RevealedAlias(int PostId, string AliasName, string MemberId, string MemberName);

public enum AliasActionOutcome { Done, NotAnAlias, Refused }

/// <summary>
/// The moderators' actions on the member behind an aliased post. A reveal needs a reason, is in the audit log
/// (naming the alias, never the member, so the log cannot reveal what the action did not), and tells the member that
/// it happened, not by whom. Suspending the author (and lifting it) acts on the member's own account while the queue
/// and the log go on naming the alias.
/// </summary>
public sealed class AliasModeration(
    ForumDbContext db, ModerationService moderation, UserManager<ForumUser> users, INotificationPush push, IOptions<AliasOptions> options, TimeProvider clock)
{
    public bool RevealRequiresAdmin => options.Value.RevealRequiresAdmin;

    /// <summary>Reveals the member behind the post's alias; null when the post is not under a (still linked) alias.</summary>
    public async Task<RevealedAlias?> RevealAsync(int postId, string actorId, string reason, CancellationToken cancellationToken)
    {
        var found = await FindAsync(postId, cancellationToken);
        if (found is null)
        {
            return null;
        }
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == found.OwnerId).Select(u => new { u.Id, u.DisplayName }).SingleAsync(cancellationToken);
        moderation.Audit(ModerationKind.RevealAlias, actorId, reason, postId, found.ThreadId, found.AliasUserId);
        var now = clock.GetUtcNow().UtcDateTime;
        var notice = await db.Notifications.SingleOrDefaultAsync(
            n => n.RecipientId == owner.Id && n.PostId == postId && n.Kind == NotificationKind.AliasRevealed, cancellationToken);
        if (notice is null)
        {
            notice = new Notification { RecipientId = owner.Id, PostId = postId, ThreadId = found.ThreadId, Kind = NotificationKind.AliasRevealed };
            db.Notifications.Add(notice);
        }
        notice.CreatedAt = now;
        notice.ReadAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await push.NotificationsChangedAsync([owner.Id], cancellationToken);
        return new RevealedAlias(postId, found.AliasName, owner.Id, owner.DisplayName);
    }

    /// <summary>
    /// Suspends the member behind the post's alias until <paramref name="until"/> (null: indefinitely). The rules of
    /// <see cref="ModerationService.SuspendAsync"/> hold (nobody suspends themselves, only admins suspend staff), but a
    /// refusal does not say which applied, as that would say something of who the member is.
    /// </summary>
    public Task<AliasActionOutcome> SuspendAuthorAsync(int postId, DateTime? until, string actorId, string? reason, CancellationToken cancellationToken) =>
        ChangeSuspensionAsync(postId, actorId, reason, owner =>
        {
            owner.SuspendedUntil = until ?? DateTime.MaxValue;
            owner.SuspensionReason = reason;
            return (ModerationKind.SuspendUser, "the member behind the alias, " + (until is null ? "indefinitely" : $"until {until:yyyy-MM-dd HH:mm} UTC"));
        }, cancellationToken);

    /// <summary>
    /// Lifts the suspension of the member behind the post's alias, by the same rules as <see cref="SuspendAuthorAsync"/>:
    /// a member suspended through an aliased post is let back in without anyone learning who they are.
    /// </summary>
    public Task<AliasActionOutcome> LiftAuthorSuspensionAsync(int postId, string actorId, string? reason, CancellationToken cancellationToken) =>
        ChangeSuspensionAsync(postId, actorId, reason, owner =>
        {
            owner.SuspendedUntil = null;
            owner.SuspensionReason = null;
            return (ModerationKind.UnsuspendUser, "the member behind the alias");
        }, cancellationToken);

    /// <summary>When the member behind the post's alias is suspended until, if they are now; null otherwise or when not an alias.</summary>
    public async Task<DateTime?> AuthorSuspendedUntilAsync(int postId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await FindAsync(postId, cancellationToken);
        return found is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == found.OwnerId && u.SuspendedUntil > now).Select(u => u.SuspendedUntil).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<AliasActionOutcome> ChangeSuspensionAsync(
        int postId, string actorId, string? reason, Func<ForumUser, (ModerationKind Kind, string Details)> change, CancellationToken cancellationToken)
    {
        var found = await FindAsync(postId, cancellationToken);
        var owner = found is null ? null : await users.FindByIdAsync(found.OwnerId);
        if (found is null || owner is null)
        {
            return AliasActionOutcome.NotAnAlias;
        }
        var actor = await users.FindByIdAsync(actorId);
        var ownerIsStaff = (await users.GetRolesAsync(owner)).Any(ForumRoles.All.Contains);
        if (owner.Id == actorId || (ownerIsStaff && (actor is null || !await users.IsInRoleAsync(actor, ForumRoles.Admin))))
        {
            return AliasActionOutcome.Refused;
        }
        var (kind, details) = change(owner);
        moderation.Audit(kind, actorId, reason, postId, found.ThreadId, found.AliasUserId, details);
        await users.UpdateSecurityStampAsync(owner);
        return AliasActionOutcome.Done;
    }

    private Task<AliasOfPost?> FindAsync(int postId, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking()
            .Where(p => p.Id == postId)
            .Join(db.MemberAliases.Where(a => a.OwnerId != null), p => p.AuthorId, a => a.AliasUserId,
                (p, a) => new AliasOfPost(p.ThreadId, a.AliasUserId, a.AliasUser!.DisplayName, a.OwnerId!))
            .SingleOrDefaultAsync(cancellationToken);

    private sealed record AliasOfPost(int ThreadId, string AliasUserId, string AliasName, string OwnerId);
}
