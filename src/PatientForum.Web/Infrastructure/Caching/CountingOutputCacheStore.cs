using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Infrastructure.Metrics;

namespace PatientForum.Web.Infrastructure.Caching;

/// <summary>
/// Counts the page cache's hits and misses for the metrics: the output cache looks a page up once per visitor's
/// request, so a lookup that finds it is a hit and one that does not is a miss. Everything else passes through.
/// </summary>
public sealed class CountingOutputCacheStore(IOutputCacheStore inner, ForumMetrics metrics) : IOutputCacheStore, IDisposable
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var page = await inner.GetAsync(key, cancellationToken);
        metrics.PageCacheLookup(hit: page is not null);
        return page;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
