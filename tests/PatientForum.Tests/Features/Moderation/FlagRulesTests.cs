using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Moderation;

public sealed class FlagRulesTests(FlagRulesTests.TwoFlagsADay factory) : IClassFixture<FlagRulesTests.TwoFlagsADay>
{
    public sealed class TwoFlagsADay : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:Moderation:FlagsPerDay"] = "2",
        };
    }

    [Fact]
    public async Task SameMemberFlaggingTwice_LeavesOneOpenFlag()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "A reply flagged twice by one member.");
        var flagger = await Members.RegisterConfirmedAsync(factory);

        await Moderating.FlagAsync(flagger, postId, note: "first");
        var second = await Moderating.FlagAsync(flagger, postId, note: "second");

        Assert.Equal("Thank you", second.TextOf("h1"));
        var moderator = await Staff.ModeratorAsync(factory);
        var item = (await moderator.Client.GetOkAsync($"/moderation/posts/{postId}")).Document.QuerySelector($"#queue-{postId}")!;
        Assert.Single(item.QuerySelectorAll("ul li"));
    }

    [Fact]
    public async Task FlaggingYourOwnPost_IsRefused()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "My own reply.");

        var page = await author.Client.PostAsync($"/posts/{postId}/flag", new Dictionary<string, string?> { ["Reason"] = "Spam" });

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("You cannot flag your own post", page.TextOf("h1"));
    }

    [Fact]
    public async Task FlagBeyondTheDailyLimit_Gets429AndIsNotSaved()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var flagger = await Members.RegisterConfirmedAsync(factory);
        var posts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            posts.Add((await Moderating.ThreadWithReplyAsync(author, $"Reply number {i}.")).ReplyId);
        }

        await Moderating.FlagAsync(flagger, posts[0]);
        await Moderating.FlagAsync(flagger, posts[1]);
        var third = await Moderating.FlagAsync(flagger, posts[2], note: "over the limit");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        var moderator = await Staff.ModeratorAsync(factory);
        var review = await moderator.Client.GetOkAsync($"/moderation/posts/{posts[2]}");
        Assert.Empty(review.Document.QuerySelectorAll($"#queue-{posts[2]} ul li"));
        Assert.DoesNotContain("over the limit", review.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flagging_AsVisitor_SendsToSignIn()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "Visitors cannot flag this.");

        var page = await factory.CreateForumClient(followRedirects: false).GetAsync($"/posts/{postId}/flag");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/login", page.Response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
