using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Posting;

public sealed record PostHistoryEntry(string Html, DateTime ReplacedAt, string EditorName);

/// <summary>
/// A post's history page. <paramref name="Revisions"/> holds the earlier versions this reader may see (none when they
/// are withheld); <paramref name="EditedAt"/> says when the post was last edited, which everyone may know;
/// <paramref name="PurgedAt"/>, shown to the author and staff, when the author last deleted earlier versions.
/// </summary>
public sealed record PostHistory(
    int PostId, int ThreadId, string ThreadTitle, string ThreadSlug, string AuthorName, string CurrentHtml, DateTime CurrentSince,
    IReadOnlyList<PostHistoryEntry> Revisions, bool RedactedByModerator, DateTime? EditedAt = null, bool Withheld = false,
    bool CanPurge = false, DateTime? PurgedAt = null);

/// <summary>The confirmation step before an author deletes the earlier versions of their post.</summary>
public sealed record PurgeHistoryPage(int PostId, string ThreadTitle, int Versions);

/// <summary>
/// Who reads a post's earlier versions, and the author's right to delete them. Earlier versions are a health story
/// as it was first told, so only its author and the moderators read them; others learn only that the post was
/// edited, and when. The forum's own guide is the exception: its history is public. Once a moderator has edited
/// (redacted) a post, its earlier versions are for moderators only, the author included: a redaction must hide
/// what it removed. An author may delete the versions they replaced themselves; versions a moderator replaced stay
/// for the moderators, and the deletion is in the audit log under the author's name, without the text.
/// </summary>
public sealed class PostHistoryService(ForumDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The history as <paramref name="viewer"/> may see it, or null when they may not read the post at all (hidden from
    /// them, or in a members-only thread they do not read).
    /// </summary>
    public async Task<PostHistory?> ReadAsync(int postId, Viewer viewer, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId)
            .InThreadsOpenTo(viewer)
            .Select(p => new { p.AuthorId, p.State, p.Thread!.IsHidden, ThreadAuthorId = p.Thread.AuthorId, IsGuide = p.Thread.SeedKey != null })
            .SingleOrDefaultAsync(cancellationToken);
        var isAuthor = post is not null && await db.WritesAsAsync(viewer.UserId, post.AuthorId, cancellationToken);
        if (post is null || (!viewer.IsModerator && !isAuthor && (post.State != PostState.Visible || (post.IsHidden && post.ThreadAuthorId != viewer.UserId))))
        {
            return null;
        }
        var history = await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId)
            .Select(p => new PostHistory(
                p.Id, p.ThreadId, p.Thread!.Title, p.Thread.Slug, p.Author!.DisplayName, p.Html, p.EditedAt ?? p.CreatedAt,
                p.Revisions.OrderByDescending(r => r.ReplacedAt).Select(r => new PostHistoryEntry(r.Html, r.ReplacedAt, r.Editor!.DisplayName)).ToList(),
                p.Revisions.Any(r => r.EditorId != p.AuthorId), p.EditedAt, false, false, null))
            .SingleAsync(cancellationToken);
        var mayRead = viewer.IsModerator || post.IsGuide || (isAuthor && !history.RedactedByModerator);
        if (!mayRead)
        {
            history = history with { Revisions = [], Withheld = history.EditedAt is not null };
        }
        if (!isAuthor && !viewer.IsModerator)
        {
            return history;
        }
        var authorId = post.AuthorId;
        var ownVersions = await db.PostRevisions.CountAsync(r => r.PostId == postId && r.EditorId == authorId, cancellationToken);
        var purgedAt = await db.ModerationActions.AsNoTracking()
            .Where(a => a.PostId == postId && a.Kind == ModerationKind.PurgeHistory)
            .MaxAsync(a => (DateTime?)a.CreatedAt, cancellationToken);
        return history with { CanPurge = isAuthor && post.AuthorId == viewer.UserId && post.State == PostState.Visible && ownVersions > 0, PurgedAt = purgedAt };
    }

    /// <summary>
    /// How many earlier versions <paramref name="authorId"/> could delete from their post now, or null when they
    /// may not (not their post, or a post the moderators have taken down, whose history they keep).
    /// </summary>
    public async Task<PurgeHistoryPage?> PurgeableAsync(int postId, string authorId, CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId && p.AuthorId == authorId && p.State == PostState.Visible)
            .Select(p => new PurgeHistoryPage(p.Id, p.Thread!.Title, p.Revisions.Count(r => r.EditorId == authorId)))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Deletes the versions <paramref name="authorId"/> replaced on their post and records that they did, in one
    /// transaction; returns how many went. The caller has checked <see cref="PurgeableAsync"/>.
    /// </summary>
    public async Task<int> PurgeAsync(int postId, string authorId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var purged = await db.PostRevisions.Where(r => r.PostId == postId && r.EditorId == authorId).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            var threadId = await db.Posts.Where(p => p.Id == postId).Select(p => p.ThreadId).SingleAsync(cancellationToken);
            db.ModerationActions.Add(new ModerationAction
            {
                ActorId = authorId,
                Kind = ModerationKind.PurgeHistory,
                PostId = postId,
                ThreadId = threadId,
                Details = purged == 1 ? "1 earlier version deleted by its author" : $"{purged} earlier versions deleted by their author",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }
}
