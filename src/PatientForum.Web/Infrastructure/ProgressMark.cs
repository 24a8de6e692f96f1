namespace PatientForum.Web.Infrastructure;

/// <summary>
/// A mark that only moves forward (a count of passes, a clock's ticks) and that others can wait for: a background
/// worker's progress can then be awaited, where a sleep could only guess how long it takes on this machine.
/// </summary>
public sealed class ProgressMark
{
    private readonly Lock _lock = new();
    private readonly List<(long Target, TaskCompletionSource Reached)> _waiters = [];
    private long _value = long.MinValue;

    /// <summary>Moves the mark to <paramref name="value"/>, never back, and releases those waiting for it.</summary>
    public void MoveTo(long value)
    {
        List<TaskCompletionSource> reached;
        lock (_lock)
        {
            if (value <= _value)
            {
                return;
            }
            _value = value;
            reached = _waiters.Where(w => w.Target <= value).Select(w => w.Reached).ToList();
            _waiters.RemoveAll(w => w.Target <= value);
        }
        foreach (var waiter in reached)
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Completes once the mark has reached <paramref name="target"/>.</summary>
    public Task WhenReachedAsync(long target, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_value >= target)
            {
                return Task.CompletedTask;
            }
            _waiters.Add((target, reached));
        }
        return reached.Task.WaitAsync(cancellationToken);
    }
}
