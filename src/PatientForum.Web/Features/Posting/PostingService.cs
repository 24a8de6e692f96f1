using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Infrastructure.Html;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

/// <summary>Where a saved post lives, for the redirect after posting.</summary>
public sealed record SavedPost(int ThreadId, string ThreadSlug, int PostId);

/// <summary>
/// Saves threads, replies and edits. Text arrives cleaned and validated; this renders it once, keeps the
/// Markdown beside the HTML, and keeps thread counters in step in the same save.
/// </summary>
public sealed class PostingService(ForumDbContext db, IPostRenderer renderer, LiveBroadcaster live, TimeProvider clock)
{
    public async Task<SavedPost> StartThreadAsync(int topicId, string authorId, string title, string body, Guid token, CancellationToken cancellationToken)
    {
        if (await FindSubmissionAsync(authorId, token, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        var now = Now();
        var thread = new ForumThread
        {
            TopicId = topicId,
            Title = title,
            Slug = Slug.From(title),
            AuthorId = authorId,
            CreatedAt = now,
            LastActivityAt = now,
        };
        var post = NewPost(authorId, body, token, now);
        post.IsOpening = true;
        thread.Posts.Add(post);
        db.Threads.Add(thread);
        var saved = await SaveOnceAsync(authorId, token, () => new SavedPost(thread.Id, thread.Slug, post.Id), cancellationToken);
        await live.ThreadChangedAsync(saved.ThreadId, cancellationToken);
        return saved;
    }

    public async Task<SavedPost> ReplyAsync(ForumThread thread, string authorId, string body, Guid token, CancellationToken cancellationToken)
    {
        if (await FindSubmissionAsync(authorId, token, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        var now = Now();
        var post = NewPost(authorId, body, token, now);
        post.ThreadId = thread.Id;
        db.Posts.Add(post);
        try
        {
            // The counter is raised in the database, in the same transaction as the insert: a read-modify-write
            // of ReplyCount would lose counts when members reply at the same moment, and the thread's last
            // page would then go missing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.Threads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1)
                .SetProperty(t => t.LastActivityAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (token != Guid.Empty)
        {
            // Two submits of one form raced; the unique (author, token) index let one through. Answer with that one.
            db.ChangeTracker.Clear();
            return await FindSubmissionAsync(authorId, token, cancellationToken) ?? throw new InvalidOperationException("The reply could not be saved.");
        }
        await live.PostAddedAsync(post.Id, cancellationToken);
        return new SavedPost(thread.Id, thread.Slug, post.Id);
    }

    /// <summary>Replaces a post's text, keeping the old text as a revision. A new title renames the thread too.</summary>
    public async Task EditAsync(Post post, string editorId, string body, string? title, CancellationToken cancellationToken)
    {
        var now = Now();
        if (post.Markdown != body)
        {
            post.Revisions.Add(new PostRevision { Markdown = post.Markdown, Html = post.Html, ReplacedAt = now, EditorId = editorId });
            post.Markdown = body;
            post.Html = renderer.Render(body);
            post.EditedAt = now;
        }
        if (title is not null && post.Thread is { } thread && thread.Title != title)
        {
            thread.Title = title;
            thread.Slug = Slug.From(title);
            post.EditedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await live.PostUpdatedAsync(post.Id, cancellationToken);
        if (title is not null)
        {
            await live.ThreadChangedAsync(post.ThreadId, cancellationToken);
        }
    }

    private Post NewPost(string authorId, string body, Guid token, DateTime now) => new()
    {
        AuthorId = authorId,
        Markdown = body,
        Html = renderer.Render(body),
        CreatedAt = now,
        SubmissionToken = token == Guid.Empty ? null : token,
    };

    private async Task<SavedPost> SaveOnceAsync(string authorId, Guid token, Func<SavedPost> saved, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return saved();
        }
        catch (DbUpdateException) when (token != Guid.Empty)
        {
            // Two submits of one form raced; the unique (author, token) index let one through. Answer with that one.
            db.ChangeTracker.Clear();
            return await FindSubmissionAsync(authorId, token, cancellationToken) ?? throw new InvalidOperationException("The post could not be saved.");
        }
    }

    private async Task<SavedPost?> FindSubmissionAsync(string authorId, Guid token, CancellationToken cancellationToken)
    {
        if (token == Guid.Empty)
        {
            return null;
        }
        return await db.Posts.AsNoTracking()
            .Where(p => p.AuthorId == authorId && p.SubmissionToken == token)
            .Select(p => new SavedPost(p.ThreadId, p.Thread!.Slug, p.Id))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
