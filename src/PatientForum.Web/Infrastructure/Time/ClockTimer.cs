namespace PatientForum.Web.Infrastructure.Time;

/// <summary>
/// A background worker's beat on the forum's <see cref="TimeProvider"/>, used like <see cref="PeriodicTimer"/>: the next
/// tick is armed as soon as a wait returns, so time that passes while the worker works still counts. Unlike a periodic
/// timer it never makes up missed beats: when the clock jumps a year ahead (a suspended machine, a test's fake clock),
/// the worker runs once, not once for every minute of the year.
/// </summary>
public sealed class ClockTimer : IDisposable
{
    private readonly TimeSpan _period;
    private readonly ITimer _timer;
    private TaskCompletionSource _tick = NewTick();

    public ClockTimer(TimeSpan period, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _period = period;
        _timer = clock.CreateTimer(static state => ((ClockTimer)state!).CurrentTick().TrySetResult(), this, period, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits for the next beat; throws <see cref="OperationCanceledException"/> when the worker is stopped.</summary>
    public async ValueTask<bool> WaitForNextTickAsync(CancellationToken cancellationToken)
    {
        await CurrentTick().Task.WaitAsync(cancellationToken).ConfigureAwait(false);

        // A fresh tick first, then the timer armed: a beat can only ever complete the tick the next wait awaits.
        Volatile.Write(ref _tick, NewTick());
        _timer.Change(_period, Timeout.InfiniteTimeSpan);
        return true;
    }

    public void Dispose() => _timer.Dispose();

    private TaskCompletionSource CurrentTick() => Volatile.Read(ref _tick);

    private static TaskCompletionSource NewTick() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
