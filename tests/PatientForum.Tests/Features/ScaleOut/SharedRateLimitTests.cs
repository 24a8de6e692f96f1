using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Accounts;
using PatientForum.Tests.Features.Posting;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// Rate limits with two instances behind a round-robin proxy: what one instance counted, the other enforces,
/// with the same 429 and Retry-After as one instance gives.
/// </summary>
public sealed class SharedRateLimitTests(SharedRateLimitTests.LimitedPair pair) : IClassFixture<SharedRateLimitTests.LimitedPair>
{
    // Members here count as established (NewUserHours 0): the Redis-counted windows are under test, not the first day.
    public sealed class LimitedPair() : RedisPair(new Dictionary<string, string?>
    {
        ["Forum:RateLimits:Enabled"] = "true",
        ["Forum:RateLimits:NewUserHours"] = "0",
    });

    [Fact]
    public async Task ReplyThroughA_ThenAtOnceThroughB_IsRefusedWith429AndRetryAfter()
    {
        var member = await Members.RegisterConfirmedAsync(pair.A);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Limits across instances", "Opening.");
        var sameMemberOnB = RedisPair.On(member, pair.B);

        var first = await Compose.ReplyAsync(member, path, "First reply, through A.");
        var second = await Compose.ReplyAsync(sameMemberOnB, path, "Second reply through B, too soon.");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        RefusedComposer.Assert(second, HttpStatusCode.TooManyRequests, "Second reply through B, too soon.", "Members can post a reply once every 5 seconds.");
        Assert.Equal(TimeSpan.FromSeconds(5), second.Response.Headers.RetryAfter?.Delta);
        var thread = await member.Client.GetOkAsync(path);
        Assert.DoesNotContain(thread.TextsOf(".post-body"), body => body.Contains("too soon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_SixAttemptsOnA_SeventhFromTheSameAddressOnB_Gets429WithRetryAfter()
    {
        // A pair of its own: members made for the other tests sign in too, and would count in this window.
        using var fresh = new LimitedPair();
        var statuses = new List<HttpStatusCode>();
        ForumClient.Page? last = null;
        for (var i = 0; i < 7; i++)
        {
            using var client = (i < 6 ? fresh.A : fresh.B).CreateForumClient();
            var form = await client.GetOkAsync("/account/login");
            last = await client.SubmitAsync(form, "form[action='/account/login']", new Dictionary<string, string?>
            {
                ["Email"] = "nobody@example.org",
                ["Password"] = "not the password",
            });
            statuses.Add(last.Status);
        }

        Assert.All(statuses.Take(6), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[6]);
        Assert.Equal(TimeSpan.FromMinutes(1), last!.Response.Headers.RetryAfter?.Delta);
    }
}

/// <summary>The per-address limit on account mail, counted in Redis: what one instance sent counts on the other.</summary>
public sealed class SharedAccountMailLimitTests(SharedAccountMailLimitTests.MailLimitedPair pair) : IClassFixture<SharedAccountMailLimitTests.MailLimitedPair>
{
    public sealed class MailLimitedPair : RedisPair
    {
        public MailLimitedPair()
            : this(new FakeTimeProvider(DateTimeOffset.UtcNow))
        {
        }

        private MailLimitedPair(FakeTimeProvider time)
            : base(new Dictionary<string, string?>
            {
                ["Forum:RateLimits:Enabled"] = "true",
                ["Forum:RateLimits:SignInsPerMinute"] = "1000",
                ["Forum:RateLimits:AccountMailsPerAddressPerHour"] = "3",
            }, time) => Time = time;

        /// <summary>Both instances' clock.</summary>
        public FakeTimeProvider Time { get; }
    }

    [Fact]
    public async Task ForgotPassword_TwiceOnAAndTwiceOnB_SendsThreeMailsBetweenThem()
    {
        var member = await Members.RegisterConfirmedAsync(pair.A);

        // The registration's confirmation mail counted in the hour just gone.
        pair.Time.Advance(TimeSpan.FromHours(1));
        foreach (var instance in new[] { pair.A, pair.A, pair.B, pair.B })
        {
            Assert.Equal(HttpStatusCode.OK, (await AccountMailLimitTests.ForgotPasswordAsync(instance, member.Email)).Status);
        }

        // One database: its outbox holds what both instances queued.
        Assert.Equal(3, await AccountMailLimitTests.MailsAsync(pair.A, member.Email, AccountMailLimitTests.ResetSubject));
    }
}
