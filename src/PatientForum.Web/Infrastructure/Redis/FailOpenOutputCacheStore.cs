using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>
/// The Redis page cache, made harmless when Redis is away: a page that cannot be read from the cache is rendered
/// fresh, one that cannot be stored is simply not cached, and the request never fails because of the cache.
/// An eviction Redis did not take is kept and tried again before this instance reads the cache; until it goes
/// through, pages are rendered fresh, so a page changed during the outage is never served from an older copy.
/// </summary>
public sealed class FailOpenOutputCacheStore(IOutputCacheStore redisStore, RedisConnection redis, RedisOutage outage)
    : IOutputCacheStore, IDisposable
{
    private const string Use = "the page cache";

    private readonly ConcurrentDictionary<string, byte> _unevicted = new(StringComparer.Ordinal);

    // Read on every cache lookup, so the usual case (nothing to evict again) costs one field read, not a snapshot
    // of the dictionary's keys. Set after a tag is added and cleared before the keys are read, so none is missed;
    // set again after the keys are read if any is left.
    private volatile bool _hasUnevicted;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            if (_hasUnevicted)
            {
                await EvictAgainAsync(cancellationToken);
            }
            return await redisStore.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outage.Failed(Use, "pages are rendered fresh", ex);
            return null;
        }
    }

    /// <summary>
    /// Makes the evictions Redis did not take. One that fails, or a read given up part-way (a visitor who leaves
    /// cancels it), leaves tags behind: the flag is raised again for them, or a later read would serve a page
    /// changed during the outage from its older copy.
    /// </summary>
    private async Task EvictAgainAsync(CancellationToken cancellationToken)
    {
        _hasUnevicted = false;
        try
        {
            foreach (var tag in _unevicted.Keys)
            {
                await redisStore.EvictByTagAsync(tag, cancellationToken);
                _unevicted.TryRemove(tag, out _);
            }
        }
        finally
        {
            if (!_unevicted.IsEmpty)
            {
                _hasUnevicted = true;
            }
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            await redisStore.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outage.Failed(Use, "pages are rendered fresh", ex);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redisStore.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _unevicted.TryAdd(tag, 0);
            _hasUnevicted = true;
            outage.Failed(Use, "pages are rendered fresh until the changed ones are evicted", ex);
        }
    }

    public void Dispose() => (redisStore as IDisposable)?.Dispose();
}
