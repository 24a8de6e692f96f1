using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Remembers how far each member has read each thread, for the unread markers on thread lists, and marks read the
/// notifications of the posts a page has just shown them (opening the target of a notification reads it).
/// </summary>
public sealed class ReadTracker(ForumDbContext db, INotificationPush push, TimeProvider clock)
{
    /// <summary>Where a thread list finds, for the signed-in member, how many replies each thread has that they have not seen.</summary>
    public const string UnreadViewDataKey = "UnreadReplies";

    /// <summary>The member was shown the thread's posts up to <paramref name="lastShownPostId"/>.</summary>
    public async Task SeenAsync(string memberId, int threadId, int lastShownPostId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.ThreadVisits
            .Where(v => v.UserId == memberId && v.ThreadId == threadId && v.LastReadPostId < lastShownPostId)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.LastReadPostId, lastShownPostId).SetProperty(v => v.VisitedAt, now), cancellationToken);
        if (moved == 0 && !await db.ThreadVisits.AnyAsync(v => v.UserId == memberId && v.ThreadId == threadId, cancellationToken))
        {
            db.ThreadVisits.Add(new ThreadVisit { UserId = memberId, ThreadId = threadId, LastReadPostId = lastShownPostId, VisitedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same member's other tab got there first; its visit stands and the next page view moves it on.
                db.ChangeTracker.Clear();
            }
        }
        var read = await db.Notifications
            .Where(n => n.RecipientId == memberId && n.ThreadId == threadId && n.PostId <= lastShownPostId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (read > 0)
        {
            await push.NotificationsChangedAsync([memberId], cancellationToken);
        }
    }

    /// <summary>The first post after the last one the member was shown, or null when they have seen the whole thread.</summary>
    public async Task<int?> FirstUnreadPostAsync(string memberId, int threadId, CancellationToken cancellationToken)
    {
        var lastRead = await db.ThreadVisits.AsNoTracking()
            .Where(v => v.UserId == memberId && v.ThreadId == threadId)
            .Select(v => (int?)v.LastReadPostId).SingleOrDefaultAsync(cancellationToken) ?? 0;
        return await db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.Id > lastRead && p.State == PostState.Visible)
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>For each of <paramref name="threadIds"/> the member has visited, how many public posts came after their visit.</summary>
    public async Task<IReadOnlyDictionary<int, int>> UnreadCountsAsync(string memberId, IReadOnlyCollection<int> threadIds, CancellationToken cancellationToken)
    {
        var counts = await db.ThreadVisits.AsNoTracking()
            .Where(v => v.UserId == memberId && threadIds.Contains(v.ThreadId))
            .Select(v => new
            {
                v.ThreadId,
                Unread = db.Posts.Count(p => p.ThreadId == v.ThreadId && p.Id > v.LastReadPostId && p.State == PostState.Visible),
            })
            .Where(v => v.Unread > 0)
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.ThreadId, c => c.Unread);
    }
}
