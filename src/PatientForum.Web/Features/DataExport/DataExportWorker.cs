using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.DataExport;

/// <summary>
/// Makes the queued exports, oldest first, and deletes those past their expiry. The queue is in the database, so an
/// export asked for before a restart is made after it; each job is claimed with a lease, so with several instances one
/// makes it; an instance that stops mid-export hands the job back, and one that died has its job taken over once the
/// lease has passed.
/// </summary>
public sealed partial class DataExportWorker(
    IServiceScopeFactory scopes, DataExportSignal signal, ExportFolder folder, TimeProvider clock, ILogger<DataExportWorker> logger) : BackgroundService
{
    private const int BatchSize = 5;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMinutes(1);

    /// <summary>Longer than the export of a member with many years of posts takes.</summary>
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = signal.BeginPass();
                var due = await RemoveExpiredAsync(stoppingToken) + await MakeDueAsync(stoppingToken);
                signal.EndPass(pass, due);
                if (due > 0)
                {
                    continue;
                }
                await signal.WaitAsync(s_pollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or IOException)
            {
                LogLoopFailed(ex.GetType().Name);
                await Task.Delay(s_pollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Makes every queued export that nobody holds; returns how many there were.</summary>
    public async Task<int> MakeDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.MemberExports.AsNoTracking()
            .Where(e => e.State == MemberExportState.Queued && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.RequestedAt)
            .Select(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            // Stopping: claim nothing more. What is left is due at the next start.
            cancellationToken.ThrowIfCancellationRequested();
            if (!await TryClaimAsync(db, id))
            {
                continue;
            }
            try
            {
                await MakeAsync(id, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-export: handed back, so the next start makes it at once rather than after the lease. An
                // export already made is no longer queued, and this changes nothing.
                await db.MemberExports.Where(e => e.Id == id && e.State == MemberExportState.Queued)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                throw;
            }
        }
        return due.Count;
    }

    private async Task MakeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ForumDbContext>();
        var export = await db.MemberExports.SingleAsync(e => e.Id == id, cancellationToken);
        var fileName = ExportFolder.FileNameOf(id);
        try
        {
            Directory.CreateDirectory(folder.Path);
            export.SizeBytes = await services.GetRequiredService<ExportArchive>().WriteAsync(export.UserId, folder.PathOf(fileName), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or DbUpdateException)
        {
            LogExportFailed(id, ex.GetType().Name);
            export.State = MemberExportState.Failed;
            export.ClaimedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await services.GetRequiredService<ExportReadyMail>().ReadyAsync(export, fileName, cancellationToken);
        LogExportMade(id);
    }

    /// <summary>Deletes the files of exports past their expiry and marks them expired; returns how many.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.MemberExports
            .Where(e => e.State == MemberExportState.Ready && e.ExpiresAt <= now)
            .OrderBy(e => e.ExpiresAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var export in expired)
        {
            if (export.FileName is { } fileName)
            {
                File.Delete(folder.PathOf(fileName));
            }
            export.State = MemberExportState.Expired;
            export.FileName = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }

    /// <summary>
    /// One conditional UPDATE: only one worker can move the lease forward. It does not heed the stopping token: a claim
    /// whose answer a stop cancelled would be held by nobody until the lease ran out.
    /// </summary>
    private async Task<bool> TryClaimAsync(ForumDbContext db, Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + s_lease;
        var claimed = await db.MemberExports
            .Where(e => e.Id == id && e.State == MemberExportState.Queued && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ClaimedUntil, until), CancellationToken.None);
        return claimed == 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data export {ExportId} made")]
    private partial void LogExportMade(Guid exportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Data export {ExportId} failed: {ErrorType}")]
    private partial void LogExportFailed(Guid exportId, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Data export loop failed: {ErrorType}")]
    private partial void LogLoopFailed(string errorType);
}
