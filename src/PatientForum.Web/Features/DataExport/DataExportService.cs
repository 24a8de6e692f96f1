using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.DataExport;

/// <summary>The state of one export as its page shows it.</summary>
public sealed record ExportStatus(Guid Id, MemberExportState State, DateTime RequestedAt, DateTime? ExpiresAt, long? SizeBytes, string? RequestedBy)
{
    /// <summary>Expired by the clock even before the worker has deleted the file.</summary>
    public bool IsExpiredAt(DateTime now) => State == MemberExportState.Expired || (State == MemberExportState.Ready && ExpiresAt <= now);
}

/// <summary>Asks for exports and reads their state; the <see cref="DataExportWorker"/> makes them.</summary>
public sealed class DataExportService(ForumDbContext db, DataExportSignal signal, TimeProvider clock)
{
    /// <summary>
    /// Queues an export of <paramref name="userId"/>'s data, unless one asked for the same way is still queued (its id is
    /// returned then). An admin's request (<paramref name="adminId"/>) is written to the audit log in the same save.
    /// </summary>
    public async Task<Guid> RequestAsync(string userId, string? adminId, CancellationToken cancellationToken)
    {
        var queued = await db.MemberExports.AsNoTracking()
            .Where(e => e.UserId == userId && e.RequestedById == adminId && e.State == MemberExportState.Queued)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (queued is { } id)
        {
            return id;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var export = new MemberExport { Id = Guid.NewGuid(), UserId = userId, RequestedById = adminId, RequestedAt = now, State = MemberExportState.Queued };
        db.MemberExports.Add(export);
        if (adminId is not null)
        {
            db.ModerationActions.Add(new ModerationAction { ActorId = adminId, Kind = ModerationKind.ExportMemberData, TargetUserId = userId, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return export.Id;
    }

    /// <summary>Whether a request would be answered with the export already queued, and so needs no permit.</summary>
    public Task<bool> HasQueuedAsync(string userId, string? adminId, CancellationToken cancellationToken) =>
        db.MemberExports.AnyAsync(e => e.UserId == userId && e.RequestedById == adminId && e.State == MemberExportState.Queued, cancellationToken);

    /// <summary>The member's own latest export (not one an admin asked for), or null.</summary>
    public Task<ExportStatus?> LatestOwnAsync(string userId, CancellationToken cancellationToken) =>
        db.MemberExports.AsNoTracking()
            .Where(e => e.UserId == userId && e.RequestedById == null)
            .OrderByDescending(e => e.RequestedAt)
            .Select(e => new ExportStatus(e.Id, e.State, e.RequestedAt, e.ExpiresAt, e.SizeBytes, null))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The exports admins asked for of one member's data, newest first.</summary>
    public Task<List<ExportStatus>> ByAdminsAsync(string userId, CancellationToken cancellationToken) =>
        db.MemberExports.AsNoTracking()
            .Where(e => e.UserId == userId && e.RequestedById != null)
            .OrderByDescending(e => e.RequestedAt)
            .Take(20)
            .Select(e => new ExportStatus(e.Id, e.State, e.RequestedAt, e.ExpiresAt, e.SizeBytes,
                db.Users.Where(u => u.Id == e.RequestedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
}
