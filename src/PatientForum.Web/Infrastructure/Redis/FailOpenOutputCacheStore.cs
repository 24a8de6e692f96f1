using Microsoft.AspNetCore.OutputCaching;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>
/// The Redis page cache, made harmless when Redis is away: a page that cannot be read from the cache is rendered
/// fresh, one that cannot be stored is simply not cached, and the request never fails because of the cache.
/// </summary>
public sealed class FailOpenOutputCacheStore(IOutputCacheStore redisStore, RedisConnection redis, RedisOutage outage)
    : IOutputCacheStore, IDisposable
{
    private const string Use = "the page cache";

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            return await redisStore.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outage.Failed(Use, "pages are rendered fresh", ex);
            return null;
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
            // Nothing was stored while Redis was away; what it held before expires within the cache's 60 seconds.
            outage.Failed(Use, "a changed page may be served from the cache until it expires", ex);
        }
    }

    public void Dispose() => (redisStore as IDisposable)?.Dispose();
}
