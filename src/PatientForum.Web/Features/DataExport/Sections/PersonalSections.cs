using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.DataExport.Sections;

/// <summary>A notification; it names the post it is about, not who wrote it nor what it says.</summary>
public sealed record ExportNotification(
    long Id, NotificationKind Kind, int PostId, string PostLink, string? ModeratorReason, DateTime CreatedAt, DateTime? ReadAt, DateTime? MailedAt);

/// <summary>A draft: for a reply, <paramref name="TargetId"/> is the thread's id; for a new thread, the topic's.</summary>
public sealed record ExportDraft(DraftKind Kind, int TargetId, string? Title, string Body, DateTime UpdatedAt);

public sealed record ExportWatch(string Kind, int Id, string Link, string Level, DateTime Since);

/// <summary>notifications.json: the member's notifications, read and unread.</summary>
public sealed class NotificationsSection(ForumDbContext db) : IExportSection
{
    public string FileName => "notifications.json";

    public string Title => "Your notifications";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.Notifications.AsNoTracking().Where(n => n.RecipientId == subject.UserId).OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.Kind, n.PostId, n.Reason, n.CreatedAt, n.ReadAt, n.MailedAt }).AsAsyncEnumerable();
        await foreach (var n in rows.WithCancellation(cancellationToken))
        {
            yield return new ExportNotification(n.Id, n.Kind, n.PostId, subject.Link(ForumUrls.Post(n.PostId)), n.Reason, n.CreatedAt, n.ReadAt, n.MailedAt);
        }
    }
}

/// <summary>drafts.json: what the member wrote and has not posted.</summary>
public sealed class DraftsSection(ForumDbContext db) : IExportSection
{
    public string FileName => "drafts.json";

    public string Title => "Your drafts";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.Drafts.AsNoTracking().Where(d => d.UserId == subject.UserId).OrderBy(d => d.Id)
            .Select(d => new ExportDraft(d.Kind, d.TargetId, d.Title, d.Body, d.UpdatedAt)).AsAsyncEnumerable();
        await foreach (var draft in rows.WithCancellation(cancellationToken))
        {
            yield return draft;
        }
    }
}

/// <summary>watches.json: the threads the member watches or muted, and the topics they watch.</summary>
public sealed class WatchesSection(ForumDbContext db) : IExportSection
{
    public string FileName => "watches.json";

    public string Title => "Threads and topics you watch";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var threads = db.ThreadWatches.AsNoTracking().Where(w => w.UserId == subject.UserId).OrderBy(w => w.ThreadId)
            .Select(w => new { w.ThreadId, w.Level, w.ChangedAt }).AsAsyncEnumerable();
        await foreach (var w in threads.WithCancellation(cancellationToken))
        {
            yield return new ExportWatch("thread", w.ThreadId, subject.Link(ForumUrls.Thread(w.ThreadId)), w.Level.ToString(), w.ChangedAt);
        }
        var topics = db.TopicWatches.AsNoTracking().Where(w => w.UserId == subject.UserId).OrderBy(w => w.TopicId)
            .Join(db.Topics, w => w.TopicId, t => t.Id, (w, t) => new { w.TopicId, t.Slug, w.CreatedAt }).AsAsyncEnumerable();
        await foreach (var w in topics.WithCancellation(cancellationToken))
        {
            yield return new ExportWatch("topic", w.TopicId, subject.Link(ForumUrls.Topic(w.Slug)), "Watching", w.CreatedAt);
        }
    }
}
