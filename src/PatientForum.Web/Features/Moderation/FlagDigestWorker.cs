using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Moderation;

/// <summary>
/// Sends the moderators a summary of new flags and bulk-reading reports (<see cref="ReadingAlert"/>), at most once per
/// Forum:Moderation:DigestIntervalMinutes.
/// </summary>
public sealed partial class FlagDigestWorker(
    IServiceScopeFactory scopes, IOptions<ModerationOptions> options, TimeProvider clock, ILogger<FlagDigestWorker> logger) : BackgroundService
{
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(5);
    private readonly ProgressMark _checked = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new ClockTimer(s_tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                LogFailed(ex.GetType().Name);
            }
        }
    }

    public async Task SendIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await SendIfDueAtAsync(now.UtcDateTime, cancellationToken);
        _checked.MoveTo(now.UtcTicks);
    }

    /// <summary>
    /// Completes once a check that read the clock at or after <paramref name="time"/> has finished: after the clock
    /// has moved on, the moment to look at what the worker made of it.
    /// </summary>
    public Task WhenCheckedAsync(DateTimeOffset time, CancellationToken cancellationToken) =>
        _checked.WhenReachedAsync(time.UtcTicks, cancellationToken);

    private async Task SendIfDueAtAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var last = await db.ModeratorDigests.MaxAsync(d => (DateTime?)d.SentAt, cancellationToken) ?? DateTime.MinValue;
        if (now - last < TimeSpan.FromMinutes(options.Value.DigestIntervalMinutes))
        {
            return;
        }
        // The safety check's automatic flags (raised by a system account) are counted apart: no member raised them.
        var newFlags = await db.Flags.Where(f => f.CreatedAt > last && f.CreatedAt <= now)
            .Select(f => new { f.Reason, f.Flagger!.IsSystem })
            .ToListAsync(cancellationToken);
        var readingAlerts = await db.ReadingAlerts.CountAsync(a => a.CreatedAt > last && a.CreatedAt <= now, cancellationToken);
        if (newFlags.Count == 0 && readingAlerts == 0)
        {
            return;
        }

        var mail = scope.ServiceProvider.GetRequiredService<ModeratorMail>();
        var members = newFlags.Where(f => !f.IsSystem).Select(f => f.Reason).ToList();
        var automatic = newFlags.Where(f => f.IsSystem).Select(f => f.Reason).ToList();
        await mail.AddDigestAsync(new FlagDigest(members, automatic, readingAlerts), cancellationToken);
        db.ModeratorDigests.Add(new ModeratorDigest { SentAt = now, FlagCount = newFlags.Count });
        await db.SaveChangesAsync(cancellationToken);
        mail.Wake();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Flag summary failed: {ErrorType}")]
    private partial void LogFailed(string errorType);
}
