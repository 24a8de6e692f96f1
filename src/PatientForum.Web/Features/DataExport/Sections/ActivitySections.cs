using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.DataExport.Sections;

public sealed record ExportThread(int Id, string Link, string Title, string Topic, DateTime CreatedAt, int ReplyCount, bool IsHidden, bool IsLocked);

public sealed record ExportReaction(int PostId, string PostLink, ReactionKind Kind, DateTime CreatedAt);

public sealed record ExportFlag(int PostId, string PostLink, FlagReason Reason, string? Note, DateTime CreatedAt, bool IsOpen, DateTime? ResolvedAt);

/// <summary>threads.json: the threads the member started (their titles; the posts are in posts.json).</summary>
public sealed class ThreadsSection(ForumDbContext db) : IExportSection
{
    public string FileName => "threads.json";

    public string Title => "Threads you started";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var authors = await db.AccountsOfAsync(subject.UserId, cancellationToken);
        var rows = db.Threads.AsNoTracking().Where(t => authors.Contains(t.AuthorId)).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Title, Topic = t.Topic!.Name, t.CreatedAt, t.ReplyCount, t.IsHidden, t.IsLocked })
            .AsAsyncEnumerable();
        await foreach (var t in rows.WithCancellation(cancellationToken))
        {
            yield return new ExportThread(t.Id, subject.Link(ForumUrls.Thread(t.Id)), t.Title, t.Topic, t.CreatedAt, t.ReplyCount, t.IsHidden, t.IsLocked);
        }
    }
}

/// <summary>reactions.json: the reactions the member gave; which post, never its text (it is someone else's).</summary>
public sealed class ReactionsSection(ForumDbContext db) : IExportSection
{
    public string FileName => "reactions.json";

    public string Title => "Reactions you gave";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.PostReactions.AsNoTracking().Where(r => r.UserId == subject.UserId).OrderBy(r => r.Id)
            .Select(r => new { r.PostId, r.Kind, r.CreatedAt }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return new ExportReaction(r.PostId, subject.Link(ForumUrls.Post(r.PostId)), r.Kind, r.CreatedAt);
        }
    }
}

/// <summary>flags.json: the flags the member raised, with the words they gave; which post, never its text.</summary>
public sealed class FlagsSection(ForumDbContext db) : IExportSection
{
    public string FileName => "flags.json";

    public string Title => "Posts you flagged";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.Flags.AsNoTracking().Where(f => f.FlaggerId == subject.UserId).OrderBy(f => f.Id)
            .Select(f => new { f.PostId, f.Reason, f.Note, f.CreatedAt, f.IsOpen, f.ResolvedAt }).AsAsyncEnumerable();
        await foreach (var f in rows.WithCancellation(cancellationToken))
        {
            yield return new ExportFlag(f.PostId, subject.Link(ForumUrls.Post(f.PostId)), f.Reason, f.Note, f.CreatedAt, f.IsOpen, f.ResolvedAt);
        }
    }
}
