using System.Net;
using System.Text.Json;
using PatientForum.Tests.Features.ScaleOut;

namespace PatientForum.Tests.Features.Operations;

/// <summary>
/// <c>curl /healthz/ready</c> on the forum's machine while its Redis (a redis-server of the test's own, never the
/// shared one) is killed and started again: unhealthy while it is gone, healthy once the forum has reconnected, with
/// each check listed for loopback and the status word alone for a request a proxy forwarded.
/// </summary>
public sealed class ReadyOutageTests
{
    /// <summary>Only a safety net for the reconnection, which StackExchange.Redis makes on its own schedule.</summary>
    private static readonly TimeSpan s_reconnectLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ready_WhenRedisIsKilledAndRestarted_GoesUnhealthyAndRecovers_WithDetailsForLoopbackOnly()
    {
        using var redis = await RedisProcess.StartNewAsync();
        await using var server = await ForumServer.StartNewAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__Redis"] = redis.ConnectionString,
        });
        using var http = new HttpClient();

        var before = await ReadyAsync(http, server);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("Healthy", before.Checks["redis"]);

        redis.Stop();
        var down = await ReadyAsync(http, server);
        var forwarded = await ReadyAsync(http, server, forwardedFor: "203.0.113.10");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("Unhealthy", down.Checks["redis"]);
        Assert.Equal("Healthy", down.Checks["database"]);
        Assert.DoesNotContain(redis.ConnectionString, down.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, forwarded.Status);
        Assert.Equal("Unhealthy", forwarded.Body);

        await redis.StartAsync();
        var deadline = DateTime.UtcNow + s_reconnectLimit;
        var after = await ReadyAsync(http, server);
        while (after.Status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            after = await ReadyAsync(http, server);
        }
        Assert.True(after.Status == HttpStatusCode.OK, $"Ready did not recover once Redis was back: {after.Body}\n{server.Log}");
        Assert.Equal("Healthy", after.Checks["redis"]);
    }

    private sealed record Ready(HttpStatusCode Status, string Body, Dictionary<string, string> Checks);

    /// <summary>GET /healthz/ready from loopback; as a proxy forwarding a client when <paramref name="forwardedFor"/> is given.</summary>
    private static async Task<Ready> ReadyAsync(HttpClient http, ForumServer server, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl + "/healthz/ready"));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return new Ready(response.StatusCode, body, []);
        }
        using var report = JsonDocument.Parse(body);
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return new Ready(response.StatusCode, body, checks);
    }
}
