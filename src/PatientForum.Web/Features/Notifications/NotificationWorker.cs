using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Works through the notification jobs that posts leave behind (<see cref="Notifier.PostSaving"/>), oldest first. Each
/// is claimed with a lease, so with several instances one makes it; an instance that stops mid-job hands it back, one
/// that dies leaves it to be made again after the lease, and the unique (recipient, post, kind) index keeps that from notifying anyone twice. A job is
/// deleted once its notifications are saved; then the recipients' open pages are told.
/// </summary>
public sealed partial class NotificationWorker(
    IServiceScopeFactory scopes, NotificationSignal signal, TimeProvider clock, ILogger<NotificationWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Longer than one job takes, even for a thread with thousands of watchers.</summary>
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = signal.BeginPass();
                var due = await RunDueAsync(stoppingToken);
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

    /// <summary>Makes the notifications of every job that is due; returns how many were due.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.NotificationJobs.AsNoTracking()
            .Where(j => j.ClaimedUntil == null || j.ClaimedUntil < now)
            .OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.PostId })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var job in due)
        {
            // Stopping: claim nothing more. What is left is due at the next start.
            cancellationToken.ThrowIfCancellationRequested();
            if (!await TryClaimAsync(db, job.Id))
            {
                continue;
            }
            try
            {
                await using var jobScope = scopes.CreateAsyncScope();
                var recipients = await jobScope.ServiceProvider.GetRequiredService<NotificationFanOut>().RunAsync(job.PostId, cancellationToken);
                await db.NotificationJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken);
                LogJobDone(job.PostId, recipients.Count);
                if (recipients.Count > 0)
                {
                    await jobScope.ServiceProvider.GetRequiredService<INotificationPush>().NotificationsChangedAsync(recipients, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-job: handed back, so the next start makes it at once rather than after the lease. A job
                // already done is gone, and this changes nothing.
                await db.NotificationJobs.Where(j => j.Id == job.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                throw;
            }
        }
        return due.Count;
    }

    /// <summary>
    /// One conditional UPDATE: only one worker can move the lease forward. It does not heed the stopping token: a claim
    /// whose answer a stop cancelled would be held by nobody until the lease ran out.
    /// </summary>
    private async Task<bool> TryClaimAsync(ForumDbContext db, long id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + s_lease;
        var claimed = await db.NotificationJobs
            .Where(j => j.Id == id && (j.ClaimedUntil == null || j.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimedUntil, until), CancellationToken.None);
        return claimed == 1;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notifications of post {PostId} made for {Count} members")]
    private partial void LogJobDone(int postId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification loop failed: {ErrorType}")]
    private partial void LogLoopFailed(string errorType);
}
