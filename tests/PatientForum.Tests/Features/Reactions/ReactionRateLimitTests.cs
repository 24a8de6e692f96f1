using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Reactions;

/// <summary>The reaction limit, switched on with a small allowance.</summary>
public sealed class ReactionRateLimitTests(ReactionRateLimitTests.LimitedForum factory) : IClassFixture<ReactionRateLimitTests.LimitedForum>
{
    public sealed class LimitedForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",
            ["Forum:RateLimits:NewUserHours"] = "0",
            ["Forum:RateLimits:ReactionsPerMinute"] = "2",
        };
    }

    [Fact]
    public async Task ThirdReactionWithinAMinute_Gets429WithRetryAfter_AndIsNotSaved()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Rate-limited reactions.");
        var member = await Members.RegisterConfirmedAsync(factory);

        await Reacting.PressAsync(member, path, postId, "helpful");
        await Reacting.PressAsync(member, path, postId, "me-too");
        var page = await member.Client.GetOkAsync(path);
        var third = await member.Client.SubmitAsync(page, $"form[action='{Reacting.Action(postId, "support")}']", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.True(third.Response.Headers.RetryAfter is not null, "429 must say when to retry.");
        Assert.Equal("Slow down a little", third.TextOf("h1"));
        Assert.Equal(2, await ModerationState.QueryAsync(factory, db => db.PostReactions.CountAsync(r => r.PostId == postId)));
    }
}
