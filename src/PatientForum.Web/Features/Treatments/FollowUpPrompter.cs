using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Treatments;

/// <summary>Looks for due follow-up prompts once an hour (<see cref="FollowUpPrompts"/> sends them), on the forum's clock.</summary>
public sealed partial class FollowUpPrompter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FollowUpPrompter> logger) : BackgroundService
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
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
            {
                LogFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Completes once a pass that read the clock at or after <paramref name="time"/> has finished.</summary>
    public Task WhenCheckedAsync(DateTimeOffset time, CancellationToken cancellationToken) =>
        _checked.WhenReachedAsync(time.UtcTicks, cancellationToken);

    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<FollowUpPrompts>().SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            scope.ServiceProvider.GetRequiredService<MailSignal>().Wake();
            LogSent(sent);
        }
        _checked.MoveTo(now.UtcTicks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} follow-up prompts")]
    private partial void LogSent(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up prompts failed: {ErrorType}")]
    private partial void LogFailed(string errorType);
}
