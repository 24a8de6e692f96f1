using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Moderation;

/// <summary>What came of a change to a moderator note: done, no such post, or refused with what to fix (and nothing saved).</summary>
public sealed record NoteOutcome(bool Found, string? Field = null, string? Problem = null)
{
    public static readonly NoteOutcome Done = new(true);
    public static readonly NoteOutcome NotFound = new(false);
}

/// <summary>
/// Moderators' notes on posts ("Moderator note: this dose is unsafe"): put, changed or taken away, each in the audit log
/// in the same save, the author told of a new or changed note with its text, and of its removal, and the post pushed
/// live with it.
/// </summary>
public sealed class ModeratorNotes(ForumDbContext db, ModerationService moderation, ForumChanges changes, Notifier notifier)
{
    public async Task<NoteOutcome> SetAsync(int postId, string actorId, string? note, string? link, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return NoteOutcome.NotFound;
        }
        var text = ForumText.Line(note);
        if (ModeratorNoteRules.TextProblem(text) is { } problem)
        {
            return new(true, "Note", problem);
        }
        var (url, linkProblem) = await LinkAsync(ForumText.Line(link), cancellationToken);
        if (linkProblem is not null)
        {
            return new(true, "Link", linkProblem);
        }
        if (post.ModeratorNote == text && post.ModeratorNoteUrl == url)
        {
            return NoteOutcome.Done;
        }
        post.ModeratorNote = text;
        post.ModeratorNoteUrl = url;
        moderation.Audit(ModerationKind.SetModeratorNote, actorId, text, post.Id, post.ThreadId, post.AuthorId, url is null ? null : $"link: {url}");
        await notifier.ModeratorActedAsync(post, NotificationKind.PostLabelled, text, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SavedAsync(post, cancellationToken);
        await notifier.ModeratorActionSavedAsync(post, cancellationToken);
        return NoteOutcome.Done;
    }

    /// <summary>Takes the note away; the author is told, as of the note itself, with the moderator's reason.</summary>
    public async Task<NoteOutcome> RemoveAsync(int postId, string actorId, string? reason, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return NoteOutcome.NotFound;
        }
        if (post.ModeratorNote is null)
        {
            return NoteOutcome.Done;
        }
        moderation.Audit(ModerationKind.RemoveModeratorNote, actorId, reason, post.Id, post.ThreadId, post.AuthorId, $"was: {post.ModeratorNote}");
        post.ModeratorNote = null;
        post.ModeratorNoteUrl = null;
        await notifier.ModeratorActedAsync(post, NotificationKind.PostLabelRemoved, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SavedAsync(post, cancellationToken);
        await notifier.ModeratorActionSavedAsync(post, cancellationToken);
        return NoteOutcome.Done;
    }

    /// <summary>The post's live update carries the note; the thread's row carries its badge.</summary>
    private async Task SavedAsync(Post post, CancellationToken cancellationToken)
    {
        await changes.PostUpdatedAsync(post.Id, cancellationToken);
        await changes.ThreadChangedAsync(post.ThreadId, cancellationToken);
    }

    /// <summary>The link as stored (a forum thread's canonical path, or an https address), or why it is refused.</summary>
    private async Task<(string? Url, string? Problem)> LinkAsync(string link, CancellationToken cancellationToken)
    {
        if (link.Length == 0)
        {
            return (null, null);
        }
        if (ModeratorNoteRules.ForumThreadId(link) is { } threadId)
        {
            var slug = await db.Threads.AsNoTracking().Where(t => t.Id == threadId && !t.IsHidden).Select(t => t.Slug).SingleOrDefaultAsync(cancellationToken);
            return slug is null ? (null, "There is no thread at that link.") : (ForumUrls.Thread(threadId, slug), null);
        }
        return ModeratorNoteRules.ExternalUrl(link) is { } url ? (url, null) : (null, ModeratorNoteRules.LinkRefused);
    }
}
