namespace PatientForum.Web.Features.Live;

/// <summary>Counts the connections that have each thread open, for "N reading now".</summary>
public interface IPresenceTracker
{
    /// <summary>Records that the connection reads the thread; returns the new count.</summary>
    int Join(string connectionId, int threadId);

    /// <summary>Returns false if the connection was not reading the thread.</summary>
    bool Leave(string connectionId, int threadId);

    /// <summary>Forgets a closed connection; returns the threads it was reading.</summary>
    IReadOnlyList<int> LeaveAll(string connectionId);

    int Count(int threadId);
}

/// <summary>Presence for a single instance, held in memory.</summary>
public sealed class InMemoryPresenceTracker : IPresenceTracker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<int>> _threadsByConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _readers = [];

    public int Join(string connectionId, int threadId)
    {
        lock (_lock)
        {
            if (!_threadsByConnection.TryGetValue(connectionId, out var threads))
            {
                _threadsByConnection[connectionId] = threads = [];
            }
            if (threads.Add(threadId))
            {
                _readers[threadId] = _readers.GetValueOrDefault(threadId) + 1;
            }
            return _readers[threadId];
        }
    }

    public bool Leave(string connectionId, int threadId)
    {
        lock (_lock)
        {
            if (!_threadsByConnection.TryGetValue(connectionId, out var threads) || !threads.Remove(threadId))
            {
                return false;
            }
            Decrement(threadId);
            return true;
        }
    }

    public IReadOnlyList<int> LeaveAll(string connectionId)
    {
        lock (_lock)
        {
            if (!_threadsByConnection.Remove(connectionId, out var threads))
            {
                return [];
            }
            foreach (var threadId in threads)
            {
                Decrement(threadId);
            }
            return [.. threads];
        }
    }

    public int Count(int threadId)
    {
        lock (_lock)
        {
            return _readers.GetValueOrDefault(threadId);
        }
    }

    private void Decrement(int threadId)
    {
        var count = _readers[threadId] - 1;
        if (count == 0)
        {
            _readers.Remove(threadId);
        }
        else
        {
            _readers[threadId] = count;
        }
    }
}
