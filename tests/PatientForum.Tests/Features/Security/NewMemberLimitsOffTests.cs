using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>With Forum:RateLimits:NewUserHours at 0 nobody counts as new: the other limits stay on, the first-day ones go.</summary>
public sealed class NewMemberLimitsOffTests(NewMemberLimitsOffTests.NoFirstDayForum factory) : IClassFixture<NewMemberLimitsOffTests.NoFirstDayForum>
{
    private const string ThreeLinks = FirstDayPosts.ThreeLinks;

    public sealed class NoFirstDayForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",
            ["Forum:RateLimits:NewUserHours"] = "0",

            // Long enough that the check that the ordinary reply limit still holds cannot depend on how fast this runs.
            ["Forum:RateLimits:ReplySeconds"] = "3600",
        };
    }

    [Fact]
    public async Task NewMember_WithFirstDayLimitsOff_PostsLinksAndRepliesAtOnce_ButKeepsTheOrdinaryReplyLimit()
    {
        var newcomer = await Members.RegisterConfirmedAsync(factory);
        await FirstDayPosts.SeedAsync(factory, newcomer, replies: 10, moreThreads: 2);

        var thread = await Compose.StartThreadAsync(newcomer, "rehab", "Links on my first day", ThreeLinks);
        var reply = await Compose.ReplyAsync(newcomer, thread.Url, ThreeLinks);
        var tooSoon = await Compose.ReplyAsync(newcomer, thread.Url, "A second reply at once.");

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(3, reply.Document.QuerySelectorAll("article.post")[^1].QuerySelectorAll(".post-body a[href]").Length);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.Status);
        Assert.Equal(TimeSpan.FromHours(1), tooSoon.Response.Headers.RetryAfter?.Delta);
    }
}
