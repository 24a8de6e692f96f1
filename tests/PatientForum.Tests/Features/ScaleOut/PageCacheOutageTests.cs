using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// A reply's eviction of the cached thread page can fail while Redis still holds the page (a link that drops, a
/// server that refuses commands for a moment). The cached copy must not be served once Redis answers again: the
/// forum keeps the eviction and makes it before it reads the cache.
/// </summary>
public sealed class PageCacheOutageTests
{
    private const string Reply = "A reply posted while Redis refused the eviction";

    [ScaleOutFact]
    public async Task EvictionRefusedByRedis_TheCachedPageIsNeverServedAfterTheReply()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await EvictionRefusedAsync(data);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task EvictionRefusedAsync(string data)
    {
        using var database = TestDatabase.Create(data);
        using var redis = await RedisProcess.StartNewAsync();
        await using var forum = await ForumServer.StartNewAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__Redis"] = redis.ConnectionString,
        }, database);
        using var member = await ForumClient.CreateConfirmedMemberAsync(forum);
        var path = await member.StartThreadAsync("rehab", "Cached while Redis refused writes", "Opening post.");
        var threadId = int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        using var visitor = new HttpClient { BaseAddress = new Uri(forum.BaseUrl) };
        Assert.True(await CachedAsync(visitor, path), "The thread page was never served from the page cache.");

        await redis.RefuseKeyCommandsAsync();
        var send = await member.PrepareReplyAsync(path, threadId, Reply);
        await send();
        var duringRefusal = await visitor.GetStringAsync(new Uri(path, UriKind.Relative));
        await redis.AllowKeyCommandsAsync();
        var afterRefusal = await visitor.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains(Reply, duringRefusal, StringComparison.Ordinal);
        Assert.Contains(Reply, afterRefusal, StringComparison.Ordinal);
    }

    /// <summary>Loads the page until an answer carries Age (served from the cache); the store writes after the response.</summary>
    private static async Task<bool> CachedAsync(HttpClient visitor, string path)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var response = await visitor.GetAsync(new Uri(path, UriKind.Relative));
            if (response.Headers.Age is not null)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
