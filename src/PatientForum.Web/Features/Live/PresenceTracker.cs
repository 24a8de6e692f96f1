namespace PatientForum.Web.Features.Live;

/// <summary>Counts the connections that have each thread open, for "N reading now".</summary>
public interface IPresenceTracker
{
    /// <summary>Records that the connection reads the thread; returns the new count.</summary>
    int Join(string connectionId, int threadId);

    /// <summary>Returns the new count, or null if the connection was not reading the thread.</summary>
    int? Leave(string connectionId, int threadId);

    /// <summary>Forgets a closed connection; returns each thread it left with its new count.</summary>
    IReadOnlyList<(int ThreadId, int Readers)> LeaveAll(string connectionId);
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

    public int? Leave(string connectionId, int threadId)
    {
        lock (_lock)
        {
            return _threadsByConnection.TryGetValue(connectionId, out var threads) && threads.Remove(threadId)
                ? Decrement(threadId)
                : null;
        }
    }

    public IReadOnlyList<(int ThreadId, int Readers)> LeaveAll(string connectionId)
    {
        lock (_lock)
        {
            if (!_threadsByConnection.Remove(connectionId, out var threads))
            {
                return [];
            }
            return threads.Select(threadId => (threadId, Decrement(threadId))).ToList();
        }
    }

    private int Decrement(int threadId)
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
        return count;
    }
}
