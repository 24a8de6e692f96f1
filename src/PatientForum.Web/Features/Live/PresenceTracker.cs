using PatientForum.Web.Infrastructure.Metrics;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Counts the connections that have each thread open, for "N reading now". Asynchronous because with several
/// instances the count is kept in Redis (see <c>Infrastructure/Redis/RedisPresenceTracker</c>).
/// </summary>
public interface IPresenceTracker
{
    /// <summary>Records that the connection reads the thread; returns the new count.</summary>
    ValueTask<int> JoinAsync(string connectionId, int threadId);

    /// <summary>Returns false if the connection was not reading the thread.</summary>
    ValueTask<bool> LeaveAsync(string connectionId, int threadId);

    /// <summary>Forgets a closed connection; returns the threads it was reading.</summary>
    ValueTask<IReadOnlyList<int>> LeaveAllAsync(string connectionId);

    ValueTask<int> CountAsync(int threadId);
}

/// <summary>Presence for a single instance, held in memory; also each instance's own bookkeeping when Redis sums them.</summary>
public sealed class InMemoryPresenceTracker : IPresenceTracker, ILiveConnectionCount
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

    /// <summary>This instance's connections that follow at least one thread, for the metrics.</summary>
    int ILiveConnectionCount.Count
    {
        get
        {
            lock (_lock)
            {
                return _threadsByConnection.Count;
            }
        }
    }

    public int Count(int threadId)
    {
        lock (_lock)
        {
            return _readers.GetValueOrDefault(threadId);
        }
    }

    /// <summary>Every connection and the threads it reads, as (connection, thread) pairs.</summary>
    public IReadOnlyList<(string ConnectionId, int ThreadId)> Readers()
    {
        lock (_lock)
        {
            return [.. _threadsByConnection.SelectMany(pair => pair.Value.Select(threadId => (pair.Key, threadId)))];
        }
    }

    ValueTask<int> IPresenceTracker.JoinAsync(string connectionId, int threadId) => ValueTask.FromResult(Join(connectionId, threadId));

    ValueTask<bool> IPresenceTracker.LeaveAsync(string connectionId, int threadId) => ValueTask.FromResult(Leave(connectionId, threadId));

    ValueTask<IReadOnlyList<int>> IPresenceTracker.LeaveAllAsync(string connectionId) => ValueTask.FromResult(LeaveAll(connectionId));

    ValueTask<int> IPresenceTracker.CountAsync(int threadId) => ValueTask.FromResult(Count(threadId));

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
