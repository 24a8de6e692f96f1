using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>With Forum:Redis pointing where no Redis answers, the forum still serves pages and takes replies.</summary>
public sealed class RedisOutageTests(RedisOutageTests.NoRedisForum factory) : IClassFixture<RedisOutageTests.NoRedisForum>
{
    public sealed class NoRedisForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            // Port 1 on loopback: nothing listens, so every connection is refused at once.
            ["Forum:Redis"] = "127.0.0.1:1",
            ["Forum:RateLimits:Enabled"] = "true",

            // The Redis-counted windows are under test; the new-member limits count in the database and stay closed.
            ["Forum:RateLimits:NewUserHours"] = "0",
        };
    }

    [Fact]
    public async Task RedisUnreachable_PagesAndRepliesWork_AndLimitsLetRequestsThrough()
    {
        using var visitor = factory.CreateForumClient();
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Posted while Redis is away", "Opening post.");

        await visitor.GetOkAsync("/");
        await visitor.GetOkAsync(path);
        var first = await Compose.ReplyAsync(member, path, "First reply without Redis.");
        var second = await Compose.ReplyAsync(member, path, "Second reply at once: the limit fails open.");
        var thread = await visitor.GetOkAsync(path);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Contains("First reply without Redis.", thread.TextsOf(".post-body"));
        Assert.Contains("Second reply at once: the limit fails open.", thread.TextsOf(".post-body"));
        Assert.Contains(factory.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("Redis unreachable for rate limits", StringComparison.Ordinal));
    }
}
