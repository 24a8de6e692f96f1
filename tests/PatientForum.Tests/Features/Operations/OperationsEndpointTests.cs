using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Infrastructure.Metrics;

namespace PatientForum.Tests.Features.Operations;

/// <summary>
/// What the public, members, moderators and admins get from the operators' endpoints of a forum on its defaults. The
/// requests come through the in-process server, which gives no client address, so nobody here is on loopback (the
/// loopback view is tested with a real process in <see cref="ReadyOutageTests"/>).
/// </summary>
public sealed class OperationsEndpointTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Liveness_ForAVisitor_AnswersHealthyAndNothingElse_NeverCached()
    {
        var page = await forum.CreateForumClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Healthy", page.Text);
        Assert.Equal("text/plain", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(page.Response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Ready_ForAVisitor_AnswersTheStatusWordWithoutChecks()
    {
        var page = await forum.CreateForumClient().GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Healthy", page.Text);
        Assert.True(page.Response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Ready_ForAModerator_AnswersTheStatusWordWithoutChecks()
    {
        var moderator = await Staff.ModeratorAsync(forum);

        var page = await moderator.Client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Healthy", page.Text);
    }

    [Fact]
    public async Task Ready_ForAnAdmin_ListsEachCheckWithItsStatusAndDuration_AndNoConnectionDetails()
    {
        var admin = await Staff.AdminAsync(forum);

        var page = await admin.Client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("application/json", page.Response.Content.Headers.ContentType?.MediaType);
        using var report = JsonDocument.Parse(page.Text);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        string[] expected = TestDatabase.IsPostgres ? ["database", "outbox", "redis"] : ["database", "outbox"];
        Assert.Equal(expected, checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
        Assert.All(report.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("durationMs").GetDouble() >= 0));
        Assert.DoesNotContain(forum.Database.ConnectionString, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestDatabase.RedisServer, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Probes_AreLeftOutOfTheRequestLog_WhilePagesAreLogged()
    {
        var client = forum.CreateForumClient();

        await client.GetAsync("/healthz");
        await client.GetAsync("/healthz/ready");
        await client.GetAsync("/metrics");
        await client.GetOkAsync("/guide");

        var requests = forum.Logs.Lines.Where(line => line.Contains("HttpLoggingMiddleware", StringComparison.Ordinal)).ToList();
        Assert.Contains(requests, line => line.Contains("Path: /guide", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, line => line.Contains("Path: /healthz", StringComparison.Ordinal) || line.Contains("Path: /metrics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_OnTheDefaults_AreNotFound_AndNothingIsMeasured()
    {
        var admin = await Staff.AdminAsync(forum);

        var page = await admin.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("patientforum_", page.Text, StringComparison.Ordinal);
        Assert.False(forum.Services.GetRequiredService<ForumMetrics>().IsCollecting, "Metrics are off, yet the forum's counters are listened to.");
    }
}
