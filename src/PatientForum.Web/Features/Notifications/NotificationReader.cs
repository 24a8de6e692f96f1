using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// A member's notifications as the bell and the notifications page show them. Unread replies in one thread count and
/// show as one entry; everything else is an entry of its own. A notification whose post or thread has since left the
/// public's view is not shown (a moderator's notice to the author always is).
/// </summary>
public sealed class NotificationReader(ForumDbContext db)
{
    public const int PageSize = 30;

    /// <summary>The bell's number: unread entries, as the notifications page groups them.</summary>
    public Task<int> UnreadCountAsync(string memberId, CancellationToken cancellationToken) =>
        Visible(memberId)
            .Where(n => n.ReadAt == null)
            .Select(n => new { n.Kind, n.ThreadId, Single = n.Kind == NotificationKind.Reply ? 0L : n.Id })
            .Distinct()
            .CountAsync(cancellationToken);

    /// <summary>One page of entries, newest first; null when the page number is out of range.</summary>
    public async Task<NotificationsPage?> GetPageAsync(string memberId, int page, CancellationToken cancellationToken)
    {
        var groups = Visible(memberId)
            .GroupBy(n => new { n.Kind, n.ThreadId, Unread = n.ReadAt == null, Single = n.Kind == NotificationKind.Reply ? 0L : n.Id })
            .Select(g => new { g.Key.Unread, Count = g.Count(), LatestId = g.Max(n => n.Id) });
        var paging = new Paging(page, PageSize, await groups.CountAsync(cancellationToken));
        if (!paging.IsValid)
        {
            return null;
        }
        var onPage = await groups.OrderByDescending(g => g.LatestId).Skip(paging.Skip).Take(PageSize).ToListAsync(cancellationToken);
        var latestIds = onPage.Select(g => g.LatestId).ToList();
        var details = await db.Notifications.AsNoTracking()
            .Where(n => latestIds.Contains(n.Id))
            .Select(n => new { n.Id, n.Kind, n.PostId, n.Thread!.Title, ActorName = n.Actor == null ? null : n.Actor.DisplayName, n.Reason, n.CreatedAt })
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        var reactors = await ReactorsAsync(details.Values.Where(n => n.Kind == NotificationKind.Reaction).Select(n => n.PostId).ToList(), cancellationToken);
        var entries = onPage.Select(g =>
        {
            var latest = details[g.LatestId];
            var count = latest.Kind == NotificationKind.Reaction ? Math.Max(1, reactors.GetValueOrDefault(latest.PostId)) : g.Count;
            return new NotificationEntry(g.LatestId, latest.Kind, count, latest.Title, latest.ActorName, latest.Reason, latest.CreatedAt, g.Unread);
        }).ToList();
        return new NotificationsPage(entries, await UnreadCountAsync(memberId, cancellationToken), paging);
    }

    /// <summary>
    /// Marks the notification read, with the rest of its entry (every unread reply of its thread), and returns where to
    /// go: the entry's first post, or for a follow-up prompt the story's follow-up form. Null when it is not the member's
    /// or no longer shown.
    /// </summary>
    public async Task<string?> OpenAsync(string memberId, long notificationId, DateTime now, CancellationToken cancellationToken)
    {
        var notification = await Visible(memberId).Where(n => n.Id == notificationId)
            .Select(n => new { n.Kind, n.ThreadId, n.PostId, n.ReadAt }).SingleOrDefaultAsync(cancellationToken);
        if (notification is null)
        {
            return null;
        }
        var entry = NotificationKinds.IsGrouped(notification.Kind) && notification.ReadAt is null
            ? db.Notifications.Where(n => n.RecipientId == memberId && n.Kind == notification.Kind && n.ThreadId == notification.ThreadId && n.ReadAt == null)
            : db.Notifications.Where(n => n.Id == notificationId);
        var firstPostId = await entry.MinAsync(n => (int?)n.PostId, cancellationToken) ?? notification.PostId;
        await entry.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return notification.Kind == NotificationKind.FollowUpPrompt ? ForumUrls.FollowUp(notification.ThreadId) : ForumUrls.Post(firstPostId);
    }

    /// <summary>How many members have reacted to each of the posts, for the one entry that tells their author.</summary>
    private async Task<Dictionary<int, int>> ReactorsAsync(List<int> postIds, CancellationToken cancellationToken)
    {
        if (postIds.Count == 0)
        {
            return [];
        }
        var pairs = await db.PostReactions.AsNoTracking().Where(r => postIds.Contains(r.PostId))
            .Select(r => new { r.PostId, r.UserId }).Distinct().ToListAsync(cancellationToken);
        return pairs.GroupBy(r => r.PostId).ToDictionary(g => g.Key, g => g.Count());
    }

    public Task<int> MarkAllReadAsync(string memberId, DateTime now, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.RecipientId == memberId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);

    private IQueryable<Notification> Visible(string memberId) =>
        db.Notifications.AsNoTracking().Where(n => n.RecipientId == memberId).Where(NotificationKinds.StillReadable);
}
