using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// Removes drafts nobody has saved for <see cref="DraftOptions.KeepDays"/> days, once an hour. Several instances may run
/// it at once: each deletes what is old by the same rule, so they cannot disagree.
/// </summary>
public sealed partial class DraftCleanup(
    IServiceScopeFactory scopes, IOptions<DraftOptions> options, TimeProvider clock, ILogger<DraftCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan s_tick = TimeSpan.FromHours(1);
    private readonly ProgressMark _checked = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new ClockTimer(s_tick, clock);
        do
        {
            try
            {
                await RemoveExpiredAsync(stoppingToken);
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

    public async Task RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var removed = await drafts.DeleteOlderThanAsync(now.UtcDateTime.AddDays(-options.Value.KeepDays), cancellationToken);
        if (removed > 0)
        {
            LogRemoved(removed);
        }
        _checked.MoveTo(now.UtcTicks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired drafts")]
    private partial void LogRemoved(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Draft cleanup failed: {ErrorType}")]
    private partial void LogFailed(string errorType);
}
