using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>
/// Removes an author's words for good: a post becomes an empty stub ("deleted by its author") that keeps the
/// conversation around it readable, and a thread left with nothing but such stubs goes altogether, its id and its
/// posts' ids kept in <see cref="RemovedContent"/> so their addresses answer 410 Gone. Callers run this inside their
/// transaction and make the change seen afterwards.
/// </summary>
public sealed class ContentRemoval(ForumDbContext db)
{
    public const string RemovedTitle = "Removed by its author";

    /// <summary>Empties the post and removes what held its text or pointed at it: history, reactions, notices, flags.</summary>
    public async Task PurgeAsync(Post post, DateTime now, CancellationToken cancellationToken)
    {
        post.State = PostState.DeletedByAuthor;
        post.DeletedByAuthorAt ??= now;
        post.Markdown = "";
        post.Html = "";
        if (post.IsOpening && post.Thread is { } thread)
        {
            // The title is the author's words too.
            thread.Title = RemovedTitle;
            thread.Slug = Slug.From(RemovedTitle);
        }
        await db.PostRevisions.Where(r => r.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
        await db.PostReactions.Where(r => r.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationJobs.Where(j => j.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Flags.Where(f => f.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Removes those of the threads whose every post is a purged stub; returns their ids. Call after the purges are
    /// saved, since it reads them back.
    /// </summary>
    public async Task<IReadOnlyList<int>> RemoveEmptyThreadsAsync(IEnumerable<int> threadIds, DateTime now, CancellationToken cancellationToken)
    {
        var candidates = threadIds.Distinct().ToList();
        var kept = await db.Posts.AsNoTracking()
            .Where(p => candidates.Contains(p.ThreadId) && !(p.State == PostState.DeletedByAuthor && p.Markdown == ""))
            .Select(p => p.ThreadId).Distinct().ToListAsync(cancellationToken);
        var empty = candidates.Except(kept).ToList();
        if (empty.Count == 0)
        {
            return empty;
        }
        var postIds = await db.Posts.AsNoTracking().Where(p => empty.Contains(p.ThreadId)).Select(p => p.Id).ToListAsync(cancellationToken);
        db.RemovedContent.AddRange(empty.Select(id => new RemovedContent { Kind = RemovedKind.Thread, ContentId = id, RemovedAt = now }));
        db.RemovedContent.AddRange(postIds.Select(id => new RemovedContent { Kind = RemovedKind.Post, ContentId = id, RemovedAt = now }));
        await db.SaveChangesAsync(cancellationToken);

        // Others' unsent replies to a thread that is gone would wait for ever; the posts go first, so the search
        // index's delete triggers fire for each.
        await db.Drafts.Where(d => d.Kind == DraftKind.Reply && empty.Contains(d.TargetId)).ExecuteDeleteAsync(cancellationToken);
        await db.Posts.Where(p => empty.Contains(p.ThreadId)).ExecuteDeleteAsync(cancellationToken);
        await db.Threads.Where(t => empty.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        return empty;
    }

    /// <summary>Whether the post is a stub whose text is gone for good.</summary>
    public static bool IsPurged(Post post) => post.State == PostState.DeletedByAuthor && post.Markdown.Length == 0;
}
