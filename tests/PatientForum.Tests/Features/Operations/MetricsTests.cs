using System.Globalization;
using System.Net;
using PatientForum.Tests.Features.ScaleOut;

namespace PatientForum.Tests.Features.Operations;

/// <summary>
/// <c>/metrics</c> turned on, scraped as Prometheus would: the platform's meters are there, and the forum's counters
/// move when a member replies, another flags a post and a visitor reads a page twice. The forum runs as a process, so
/// requests come from a real loopback address and through the forwarded-headers set-up a proxy uses. Off by default is
/// tested in <see cref="OperationsEndpointTests"/>.
/// </summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_OnAndScrapedFromLoopback_ReportThePlatformAndCountWhatMembersAndVisitorsDo()
    {
        await using var server = await ForumServer.StartNewAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__Metrics__Enabled"] = "true",
        });
        using var http = new HttpClient();
        using var author = await ForumClient.CreateConfirmedMemberAsync(server);
        using var flagger = await ForumClient.CreateConfirmedMemberAsync(server);
        using var visitor = ForumClient.Visitor(server);
        var path = await author.StartThreadAsync("rehab", "Counted by the metrics", "The opening post.");
        var threadId = int.Parse(path.Split('/')[2], CultureInfo.InvariantCulture);
        var before = await PrometheusScrape.FromAsync(http, server.BaseUrl);

        await (await author.PrepareReplyAsync(path, threadId, "A reply the counter sees."))();
        var thread = await flagger.GetOkAsync(path);
        var postId = thread.Document.QuerySelector("article.post")!.Id!["post-".Length..];
        var form = await flagger.GetOkAsync($"/posts/{postId}/flag");
        (await flagger.SubmitAsync(form, $"form[action='/posts/{postId}/flag']", new Dictionary<string, string?> { ["Reason"] = "Spam" })).EnsureSuccess();
        await visitor.GetOkAsync(path);
        await visitor.GetOkAsync(path);
        await using var reader = await ThreadFollower.FollowAsync(server, threadId);
        var after = await PrometheusScrape.FromAsync(http, server.BaseUrl);

        Assert.Equal(1, after["patientforum_posts_created_total"] - before["patientforum_posts_created_total"]);
        Assert.Equal(1, after["patientforum_flags_raised_total"] - before["patientforum_flags_raised_total"]);
        Assert.True(after["patientforum_page_cache_misses_total"] > before["patientforum_page_cache_misses_total"], after.Text);
        Assert.True(after["patientforum_page_cache_hits_total"] > before["patientforum_page_cache_hits_total"], after.Text);
        Assert.Equal(1, after["patientforum_live_connections"]);
        Assert.True(after.Has("patientforum_outbox_pending") && after.Has("patientforum_outbox_failed"), after.Text);
        Assert.True(after.Has("http_server_request_duration_seconds_count"), "No ASP.NET Core request metrics:\n" + after.Text);
        Assert.True(after.Has("kestrel_active_connections"), "No Kestrel metrics:\n" + after.Text);
        Assert.True(after.Has("signalr_server_active_connections"), "No SignalR metrics:\n" + after.Text);
        Assert.Contains(after.Names, name => name.StartsWith("dotnet_gc_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_WithAForwardedHeaderFromAnUntrustedProxy_AreNotFound()
    {
        await using var server = await ForumServer.StartNewAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__Metrics__Enabled"] = "true",
        });
        using var http = new HttpClient();

        var direct = await StatusAsync(http, server, forwardedFor: null);
        var forwarded = await StatusAsync(http, server, forwardedFor: "203.0.113.10");

        Assert.Equal(HttpStatusCode.OK, direct);
        Assert.Equal(HttpStatusCode.NotFound, forwarded);
    }

    [Fact]
    public async Task Metrics_BehindAKnownProxy_AnswerOnlyTheAllowedClients()
    {
        await using var server = await ForumServer.StartNewAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__Metrics__Enabled"] = "true",
            ["Forum__Metrics__AllowedAddresses__0"] = "203.0.113.0/24",
            ["Forum__Proxy__KnownProxies__0"] = "127.0.0.1",
        });
        using var http = new HttpClient();

        var allowed = await StatusAsync(http, server, forwardedFor: "203.0.113.10");
        var other = await StatusAsync(http, server, forwardedFor: "198.51.100.7");
        var proxyItself = await StatusAsync(http, server, forwardedFor: null);

        Assert.Equal(HttpStatusCode.OK, allowed);
        Assert.Equal(HttpStatusCode.NotFound, other);
        Assert.Equal(HttpStatusCode.NotFound, proxyItself);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, ForumServer server, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl + "/metrics"));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
