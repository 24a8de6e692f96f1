using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Notifications;

/// <summary>A member's choices of what to follow: a thread (watching, normal, muted) or a whole topic.</summary>
public sealed class Watching(ForumDbContext db, TimeProvider clock)
{
    /// <summary>The thread's watch control for the member, or null when the thread is not theirs to read.</summary>
    public async Task<ThreadWatchModel?> ForThreadAsync(Viewer viewer, int threadId, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking()
            .Where(t => t.Id == threadId)
            .ReadableBy(viewer)
            .Select(t => new { t.TopicId })
            .SingleOrDefaultAsync(cancellationToken);
        if (thread is null || viewer.UserId is not { } memberId)
        {
            return null;
        }
        var level = await db.ThreadWatches.AsNoTracking()
            .Where(w => w.UserId == memberId && w.ThreadId == threadId)
            .Select(w => (WatchLevel?)w.Level).SingleOrDefaultAsync(cancellationToken);
        var byTopic = await db.TopicWatches.AnyAsync(w => w.UserId == memberId && w.TopicId == thread.TopicId, cancellationToken);
        return new ThreadWatchModel(threadId, level ?? WatchLevel.Normal, byTopic);
    }

    /// <summary>Sets how the member follows the thread; false when they may not read it.</summary>
    public async Task<bool> SetThreadAsync(Viewer viewer, int threadId, WatchLevel level, CancellationToken cancellationToken)
    {
        if (viewer.UserId is not { } memberId || await ForThreadAsync(viewer, threadId, cancellationToken) is null)
        {
            return false;
        }
        var watch = await db.ThreadWatches.SingleOrDefaultAsync(w => w.UserId == memberId && w.ThreadId == threadId, cancellationToken);
        if (watch is null)
        {
            watch = new ThreadWatch { UserId = memberId, ThreadId = threadId };
            db.ThreadWatches.Add(watch);
        }
        watch.Level = level;
        watch.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<TopicWatchModel?> ForTopicAsync(string memberId, string topicSlug, CancellationToken cancellationToken)
    {
        var topicId = await TopicIdAsync(topicSlug, cancellationToken);
        return topicId is null
            ? null
            : new TopicWatchModel(topicSlug, await db.TopicWatches.AnyAsync(w => w.UserId == memberId && w.TopicId == topicId, cancellationToken));
    }

    /// <summary>Starts or stops watching every thread in the topic; false when there is no such topic.</summary>
    public async Task<bool> SetTopicAsync(string memberId, string topicSlug, bool watching, CancellationToken cancellationToken)
    {
        if (await TopicIdAsync(topicSlug, cancellationToken) is not { } topicId)
        {
            return false;
        }
        var watch = await db.TopicWatches.SingleOrDefaultAsync(w => w.UserId == memberId && w.TopicId == topicId, cancellationToken);
        if (watching && watch is null)
        {
            db.TopicWatches.Add(new TopicWatch { UserId = memberId, TopicId = topicId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (!watching && watch is not null)
        {
            db.TopicWatches.Remove(watch);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private Task<int?> TopicIdAsync(string topicSlug, CancellationToken cancellationToken) =>
        db.Topics.AsNoTracking().InUse().Where(t => t.Slug == topicSlug).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
}
