using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Settings;

/// <summary>
/// Removes security activity older than <see cref="SettingsOptions.ActivityKeepDays"/>, once an hour. Several
/// instances may run it at once: each deletes what is old by the same rule, so they cannot disagree.
/// </summary>
public sealed partial class SecurityActivityCleanup(
    IServiceScopeFactory scopes, IOptions<SettingsOptions> options, TimeProvider clock, ILogger<SecurityActivityCleanup> logger) : BackgroundService
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
        var cutoff = now.UtcDateTime.AddDays(-options.Value.ActivityKeepDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var removed = await db.SecurityEvents.Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            LogRemoved(removed);
        }
        _checked.MoveTo(now.UtcTicks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired security activity entries")]
    private partial void LogRemoved(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Security activity cleanup failed: {ErrorType}")]
    private partial void LogFailed(string errorType);
}
