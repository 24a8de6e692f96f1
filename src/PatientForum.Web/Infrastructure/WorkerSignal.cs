namespace PatientForum.Web.Infrastructure;

/// <summary>
/// Lets a request wake a background worker that polls a persisted queue (the mail outbox, notification jobs) instead
/// of waiting for its next poll, and anyone wait for the worker to catch up with the queue.
/// </summary>
public abstract class WorkerSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private readonly ProgressMark _idlePass = new();
    private long _passesBegun;

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up is enough.
        }
    }

    /// <summary>
    /// Wakes the worker and completes once it has finished a pass, begun after this call, that found nothing due:
    /// by then everything that was due has been handled, and nothing more happens on this instance until more is queued
    /// or a retry falls due. (Another instance's worker may still be handling what it claimed.)
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var waiting = _idlePass.WhenReachedAsync(Interlocked.Read(ref _passesBegun) + 1, cancellationToken);
        Wake();
        return waiting;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _semaphore.Dispose();
        }
    }

    /// <summary>
    /// Waits for a wake-up, or until <paramref name="timeout"/> has passed on <paramref name="clock"/>: the
    /// worker's own clock, so that its polls and its retry times move together.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, cancellationToken);
        try
        {
            await _semaphore.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Time for the next poll.
        }
    }

    /// <summary>Called by the worker as a pass begins; returns the pass's number.</summary>
    internal long BeginPass() => Interlocked.Increment(ref _passesBegun);

    /// <summary>Called by the worker after a pass that completed, with how many items were due.</summary>
    internal void EndPass(long pass, int due)
    {
        if (due == 0)
        {
            _idlePass.MoveTo(pass);
        }
    }
}
