using Microsoft.Extensions.Time.Testing;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Tests.Features.Durability;

/// <summary>
/// The background workers' beat: time that passes while a worker works counts toward the next beat, and a clock that
/// jumps far ahead gives one beat, never one for every period it skipped (a fake clock moved a year ran a worker
/// half a million times).
/// </summary>
public sealed class ClockTimerTests
{
    private static readonly TimeSpan s_period = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ClockJumpsAYear_OneBeat_ThenTheNextOnlyAPeriodLater()
    {
        var time = new FakeTimeProvider();
        using var timer = new ClockTimer(s_period, time);
        var first = timer.WaitForNextTickAsync(CancellationToken.None).AsTask();
        Assert.False(first.IsCompleted);

        time.Advance(TimeSpan.FromDays(366));

        Assert.True(await first);
        var second = timer.WaitForNextTickAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        time.Advance(s_period - TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await second);
    }

    [Fact]
    public async Task PeriodPassesWhileTheWorkerWorks_TheNextWaitReturnsAtOnce()
    {
        var time = new FakeTimeProvider();
        using var timer = new ClockTimer(s_period, time);
        time.Advance(s_period);
        Assert.True(await timer.WaitForNextTickAsync(CancellationToken.None));

        // The worker is busy (nothing waits) while a period passes.
        time.Advance(s_period);

        var next = timer.WaitForNextTickAsync(CancellationToken.None).AsTask();
        Assert.True(next.IsCompleted);
        Assert.True(await next);
    }

    [Fact]
    public async Task WorkerStopped_TheWaitEndsWithCancellation()
    {
        using var timer = new ClockTimer(s_period, new FakeTimeProvider());
        using var stop = new CancellationTokenSource();
        var wait = timer.WaitForNextTickAsync(stop.Token).AsTask();

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
