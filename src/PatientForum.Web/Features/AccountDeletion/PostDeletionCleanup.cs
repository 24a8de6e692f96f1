using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>
/// Purges posts whose authors deleted them once the time to undo has passed, every few minutes. Several instances may
/// run it at once: each purges by the same rule, and a post already purged is no longer found.
/// </summary>
public sealed partial class PostDeletionCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PostDeletionCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMinutes(5);
    private readonly ProgressMark _checked = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new ClockTimer(s_tick, clock);
        do
        {
            try
            {
                await PurgeDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                LogFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Completes once a pass that read the clock at or after <paramref name="time"/> has finished.</summary>
    public Task WhenCheckedAsync(DateTimeOffset time, CancellationToken cancellationToken) =>
        _checked.WhenReachedAsync(time.UtcTicks, cancellationToken);

    public async Task PurgeDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<PostDeletionService>().PurgeDueAsync(cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }
        _checked.MoveTo(now.UtcTicks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} posts deleted by their authors")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging deleted posts failed: {ErrorType}")]
    private partial void LogFailed(string errorType);
}
