using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Notifications;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>What came of an author's delete or undo.</summary>
public enum PostDeletionOutcome
{
    Done,
    NotFound,

    /// <summary>Not the author's post, or not in a state that allows it (already deleted, hidden, past the time to undo).</summary>
    Refused,
}

/// <summary>
/// An author deletes their own post: readers see a stub at once, the author may undo it for
/// <see cref="PostDeletionOptions.UndoDeleteHours"/>, after which <see cref="PurgeDueAsync"/> removes the text and
/// its history for good (and the thread too, if nothing else is left in it).
/// </summary>
public sealed class PostDeletionService(
    ForumDbContext db, ContentRemoval removal, RemovalBroadcast broadcast, Notifier notifier, IOptions<PostDeletionOptions> options, TimeProvider clock)
{
    private TimeSpan UndoWindow => TimeSpan.FromHours(options.Value.UndoDeleteHours);

    public async Task<(PostDeletionOutcome Outcome, Post? Post)> DeleteAsync(int postId, string authorId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return (PostDeletionOutcome.NotFound, null);
        }
        if (post.State != PostState.Visible || !await db.WritesAsAsync(authorId, post.AuthorId, cancellationToken))
        {
            return (PostDeletionOutcome.Refused, post);
        }
        post.State = PostState.DeletedByAuthor;
        post.DeletedByAuthorAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await notifier.WithdrawAsync(post, cancellationToken);
        await broadcast.SeenAsync([post.Id], [], [], cancellationToken);
        return (PostDeletionOutcome.Done, post);
    }

    public async Task<(PostDeletionOutcome Outcome, Post? Post)> UndoAsync(int postId, string authorId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return (PostDeletionOutcome.NotFound, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.WritesAsAsync(authorId, post.AuthorId, cancellationToken) || post.State != PostState.DeletedByAuthor || ContentRemoval.IsPurged(post)
            || post.DeletedByAuthorAt is not { } deletedAt || now >= deletedAt + UndoWindow)
        {
            return (PostDeletionOutcome.Refused, post);
        }
        post.State = PostState.Visible;
        post.DeletedByAuthorAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await broadcast.SeenAsync([post.Id], [], [], cancellationToken);
        return (PostDeletionOutcome.Done, post);
    }

    /// <summary>Purges every post whose time to undo has passed; returns how many.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now - UndoWindow;
        var posts = await db.Posts.Include(p => p.Thread)
            .Where(p => p.State == PostState.DeletedByAuthor && p.Markdown != "" && p.DeletedByAuthorAt <= due)
            .ToListAsync(cancellationToken);
        if (posts.Count == 0)
        {
            return 0;
        }
        IReadOnlyList<int> removedThreads;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var post in posts)
            {
                await removal.PurgeAsync(post, now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            removedThreads = await removal.RemoveEmptyThreadsAsync(posts.Select(p => p.ThreadId), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await broadcast.SeenAsync(posts.Where(p => !removedThreads.Contains(p.ThreadId)).Select(p => p.Id), removedThreads, [], cancellationToken);
        return posts.Count;
    }
}
