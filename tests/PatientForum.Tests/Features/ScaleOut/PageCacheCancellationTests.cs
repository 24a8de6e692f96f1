using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Redis;
using StackExchange.Redis;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// Evictions Redis refused are made again by the next cache read. A visitor who leaves while that read is making
/// them cancels it part-way; the evictions not yet made must still be made by the read after, or a page changed
/// during the outage is served from its older copy. The page cache runs on the test Redis; only the moment of the
/// refusal and of the visitor leaving is scripted, since neither can be timed from outside.
/// </summary>
public sealed class PageCacheCancellationTests
{
    private static readonly byte[] s_olderCopy = "<p>The page before the reply.</p>"u8.ToArray();

    [Fact]
    public async Task ReadCancelledWhileMakingRefusedEvictions_TheNextReadMakesTheRestAndServesNoOlderCopy()
    {
        var prefix = "pf-test-" + Guid.NewGuid().ToString("N");
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddStackExchangeRedisOutputCache(options =>
            {
                options.Configuration = TestDatabase.RedisServer;
                options.InstanceName = prefix + ":pages:";
            })
            .BuildServiceProvider();
        var redisStore = services.GetRequiredService<IOutputCacheStore>();
        var scripted = new ScriptedEvictions(redisStore);
        using var redis = new RedisConnection(Options.Create(new ForumOptions { Redis = TestDatabase.RedisServer, RedisPrefix = prefix }));
        using var cache = new FailOpenOutputCacheStore(scripted, redis, new RedisOutage(NullLogger<RedisOutage>.Instance, TimeProvider.System));
        string[] pages = ["thread-1", "thread-2"];
        foreach (var page in pages)
        {
            await cache.SetAsync(page, s_olderCopy, [page + "-tag"], TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.Equal(s_olderCopy, await cache.GetAsync(page, CancellationToken.None));
        }

        // Replies to both threads; Redis refuses both evictions.
        foreach (var page in pages)
        {
            scripted.Next(() => throw new RedisServerException("NOPERM User default has no permissions to run the 'smembers' command"));
            await cache.EvictByTagAsync(page + "-tag", CancellationToken.None);
        }

        // Redis answers again; a visitor's read makes the first eviction, and the visitor leaves during the second.
        using var visitor = new CancellationTokenSource();
        scripted.Next(() => { });
        scripted.Next(visitor.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.GetAsync(pages[0], visitor.Token).AsTask());
        Assert.Equal(1, scripted.Made);

        foreach (var page in pages)
        {
            Assert.Null(await cache.GetAsync(page, CancellationToken.None));
        }
        Assert.Equal(2, scripted.Made);
        foreach (var page in pages)
        {
            Assert.Null(await redisStore.GetAsync(page, CancellationToken.None));
        }
    }

    /// <summary>
    /// The Redis page-cache store, with something the test chooses happening as each eviction starts: Redis refusing
    /// it, or the visitor whose read makes it leaving.
    /// </summary>
    private sealed class ScriptedEvictions(IOutputCacheStore redisStore) : IOutputCacheStore
    {
        private readonly Queue<Action> _next = new();

        /// <summary>Evictions Redis made.</summary>
        public int Made { get; private set; }

        public void Next(Action happens) => _next.Enqueue(happens);

        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            if (_next.TryDequeue(out var happens))
            {
                happens();
            }
            cancellationToken.ThrowIfCancellationRequested();
            await redisStore.EvictByTagAsync(tag, cancellationToken);
            Made++;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => redisStore.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            redisStore.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
