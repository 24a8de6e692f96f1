using System.Net;
using PatientForum.Tests.Features.Posting;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>The posting and sign-in limits, switched on with their production defaults, for established members.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedForum factory) : IClassFixture<RateLimitTests.LimitedForum>
{
    public sealed class LimitedForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",

            // Every member here is a day old as far as the limits go; NewMemberLimitTests covers the first day.
            ["Forum:RateLimits:NewUserHours"] = "0",
        };
    }

    [Fact]
    public async Task SecondReply_WithinFiveSeconds_Gets429WithRetryAfter_AndIsNotSaved()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Rate limit thread", "Opening.");

        var first = await Compose.ReplyAsync(member, path, "First reply.");
        var second = await Compose.ReplyAsync(member, path, "Second reply, too soon.");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        RefusedComposer.Assert(second, HttpStatusCode.TooManyRequests, "Second reply, too soon.", "Members can post a reply once every 5 seconds.");
        Assert.True(second.Response.Headers.RetryAfter is not null, "429 must say when to retry.");
        var thread = await member.Client.GetOkAsync(path);
        Assert.DoesNotContain(thread.TextsOf(".post-body"), body => body.Contains("too soon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondThread_WithinFifteenSeconds_Gets429()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        await Compose.StartThreadPathAsync(member, "rehab", "First thread of two", "Opening.");
        var second = await Compose.StartThreadAsync(member, "rehab", "Second thread too soon", "Opening.");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
    }

    [Fact]
    public async Task SignIn_SeventhAttemptInAMinuteFromOneAddress_Gets429()
    {
        // A forum of its own: members made for the other tests sign in too, and would count in this minute.
        using var fresh = new LimitedForum();
        var client = fresh.CreateForumClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var form = await client.GetOkAsync("/account/login");
            var result = await client.SubmitAsync(form, "form[action='/account/login']", new Dictionary<string, string?>
            {
                ["Email"] = "nobody@example.org",
                ["Password"] = "not the password",
            });
            statuses.Add(result.Status);
        }

        Assert.All(statuses.Take(6), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[6]);
    }
}
