using System.Net;
using PatientForum.Tests.Features.Posting;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Discourse's first-day limits, switched on with their production defaults: new members post once per 30 seconds,
/// at most 10 replies, 3 threads and 2 links a post; established members and staff are not held to them.
/// </summary>
public sealed class NewMemberLimitTests(NewMemberLimitTests.LimitedForum factory) : IClassFixture<NewMemberLimitTests.LimitedForum>
{
    private const string Topic = "rehab";

    private const string ThreeLinks = FirstDayPosts.ThreeLinks;
    private const string TwoLinks = "See [the leaflet](https://example.org/leaflet) and https://example.org/exercises";

    public sealed class LimitedForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",

            // Every member here registers and signs in from one address; those limits have tests of their own.
            ["Forum:RateLimits:SignInsPerMinute"] = "1000",
            ["Forum:RateLimits:AccountMailsPerHourPerIp"] = "1000",
        };
    }

    [Fact]
    public async Task Reply_RightAfterPosting_HoldsFirstDayMemberToThirtySeconds_AndOlderMemberToFive()
    {
        var newcomer = await Members.RegisterConfirmedAsync(factory);
        var veteran = await Members.RegisterConfirmedAsync(factory);
        await FirstDayPosts.AgeAsync(factory, veteran, TimeSpan.FromDays(2));
        var newcomerPath = await Compose.StartThreadPathAsync(newcomer, Topic, "New here, about my knee", "Opening.");
        var veteranPath = await Compose.StartThreadPathAsync(veteran, Topic, "Two days in, about my knee", "Opening.");

        var refused = await Compose.ReplyAsync(newcomer, newcomerPath, "Newcomer's reply, too soon.");
        var veteranFirst = await Compose.ReplyAsync(veteran, veteranPath, "Veteran's first reply.");
        var veteranSecond = await Compose.ReplyAsync(veteran, veteranPath, "Veteran's second reply, too soon.");

        RefusedComposer.Assert(refused, HttpStatusCode.TooManyRequests, "Newcomer's reply, too soon.", "New members can post once every 30 seconds on their first day.");
        Assert.InRange(refused.Response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(1, await FirstDayPosts.PostCountAsync(factory, newcomer));
        Assert.Equal(HttpStatusCode.OK, veteranFirst.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, veteranSecond.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), veteranSecond.Response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Reply_RightAfterStartingAThread_ShowsTheReplyFormAgainWithTheTextTheReasonAndWhen()
    {
        var newcomer = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(newcomer, Topic, "Just joined, about my shoulder", "Opening.");
        const string Text = "A reply typed straight away, with details of my physio plan I do not want to lose.";

        var refused = await Compose.ReplyAsync(newcomer, path, Text);

        RefusedComposer.Assert(refused, HttpStatusCode.TooManyRequests, Text, "New members can post once every 30 seconds on their first day. You can post again in ");
        Assert.Equal("Reply to “Just joined, about my shoulder”", refused.TextOf("h1"));
        Assert.EndsWith("seconds.", RefusedComposer.Reason(refused), StringComparison.Ordinal);
        Assert.InRange(refused.Response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(1, await FirstDayPosts.PostCountAsync(factory, newcomer));
    }

    [Fact]
    public async Task Reply_EleventhOnFirstDay_Gets429WithReason_AndIsNotSaved_TenthIsPosted()
    {
        var atCap = await Members.RegisterConfirmedAsync(factory);
        var belowCap = await Members.RegisterConfirmedAsync(factory);
        var atCapThread = await FirstDayPosts.SeedAsync(factory, atCap, replies: 10);
        var belowCapThread = await FirstDayPosts.SeedAsync(factory, belowCap, replies: 9);

        var eleventh = await Compose.ReplyAsync(atCap, $"/threads/{atCapThread}", "An eleventh reply on day one.");
        var tenth = await Compose.ReplyAsync(belowCap, $"/threads/{belowCapThread}", "A tenth reply on day one.");

        RefusedComposer.Assert(eleventh, HttpStatusCode.TooManyRequests, "An eleventh reply on day one.", "New members can post 10 replies on their first day");
        Assert.InRange(eleventh.Response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromHours(21), TimeSpan.FromHours(22));
        Assert.Equal(11, await FirstDayPosts.PostCountAsync(factory, atCap));
        Assert.Equal(HttpStatusCode.OK, tenth.Status);
        Assert.Contains("A tenth reply on day one.", tenth.TextsOf(".post-body"));
    }

    [Fact]
    public async Task StartThread_FourthOnFirstDay_Gets429WithReason_AndIsNotSaved_ThirdIsPosted()
    {
        var atCap = await Members.RegisterConfirmedAsync(factory);
        var belowCap = await Members.RegisterConfirmedAsync(factory);
        await FirstDayPosts.SeedAsync(factory, atCap, replies: 0, moreThreads: 2);
        await FirstDayPosts.SeedAsync(factory, belowCap, replies: 0, moreThreads: 1);

        var fourth = await Compose.StartThreadAsync(atCap, Topic, "A fourth thread on day one", "Opening.");
        var third = await Compose.StartThreadAsync(belowCap, Topic, "A third thread on day one", "Opening.");

        RefusedComposer.Assert(fourth, HttpStatusCode.TooManyRequests, "Opening.", "New members can start 3 threads on their first day", "A fourth thread on day one");
        Assert.NotNull(fourth.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(3, await FirstDayPosts.ThreadCountAsync(factory, atCap));
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal("A third thread on day one", third.TextOf("h1"));
    }

    [Fact]
    public async Task StartThread_WithThreeLinksFromNewMember_Answers422KeepsText_TwoArePosted()
    {
        var tooMany = await Members.RegisterConfirmedAsync(factory);
        var enough = await Members.RegisterConfirmedAsync(factory);

        var refused = await Compose.StartThreadAsync(tooMany, Topic, "Links about my brace", ThreeLinks);
        var posted = await Compose.StartThreadAsync(enough, Topic, "Links about my brace", TwoLinks);

        AssertTooManyLinks(refused, ThreeLinks);
        Assert.Equal("Links about my brace", refused.Document.QuerySelector("input#Title")?.GetAttribute("value"));
        Assert.Equal(0, await FirstDayPosts.ThreadCountAsync(factory, tooMany));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(2, posted.Document.QuerySelectorAll("article.post-opening .post-body a[href]").Length);
    }

    [Fact]
    public async Task Reply_WithThreeLinks_IsRefusedForNewMember_AndPostedForOlderMember()
    {
        var host = await Members.RegisterConfirmedAsync(factory);
        var newcomer = await Members.RegisterConfirmedAsync(factory);
        var veteran = await Members.RegisterConfirmedAsync(factory);
        await FirstDayPosts.AgeAsync(factory, veteran, TimeSpan.FromHours(25));
        var path = await Compose.StartThreadPathAsync(host, Topic, "Where did you find good advice", "Opening.");

        var refused = await Compose.ReplyAsync(newcomer, path, ThreeLinks);
        var posted = await Compose.ReplyAsync(veteran, path, ThreeLinks);

        AssertTooManyLinks(refused, ThreeLinks);
        Assert.Equal(0, await FirstDayPosts.PostCountAsync(factory, newcomer));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(3, posted.Document.QuerySelectorAll("article.post")[^1].QuerySelectorAll(".post-body a[href]").Length);
    }

    [Fact]
    public async Task Reply_QuotingThreePostsAsNewMember_IsPosted_ButThreeLinksToAnotherSiteWithoutTheirSchemeAreNot()
    {
        var host = await Members.RegisterConfirmedAsync(factory);
        var quoter = await Members.RegisterConfirmedAsync(factory);
        var sneaky = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(host, Topic, "What helped your grip strength", "Opening.");
        var opening = await Moderation.ModerationState.OpeningPostIdAsync(host.Client, path);
        var quotes = string.Concat(Enumerable.Range(0, 3).Select(i => QuoteFormat.Of(host.DisplayName, opening, $"Part {i} of what you wrote.")))
            + "All three of these match what my physio said, and [this leaflet](https://example.org/grip) too.";
        const string Disguised = "Look at [one](//example.org/a), [two](//example.org/b) and [three](//example.org/c).";

        var posted = await Compose.ReplyAsync(quoter, path, quotes);
        var refused = await Compose.ReplyAsync(sneaky, path, Disguised);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(3, posted.Document.QuerySelectorAll("article.post")[^1].QuerySelectorAll(".post-body blockquote").Length);
        AssertTooManyLinks(refused, Disguised);
    }

    [Fact]
    public async Task Edit_AddingThirdLinkAsNewMember_Answers422KeepsText_AndPostIsUnchanged()
    {
        var newcomer = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(newcomer, Topic, "My physio's handouts", TwoLinks);
        var postId = await Moderation.ModerationState.OpeningPostIdAsync(newcomer.Client, path);
        var form = await newcomer.Client.GetOkAsync($"/posts/{postId}/edit");

        var refused = await newcomer.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Body"] = ThreeLinks });

        AssertTooManyLinks(refused, ThreeLinks);
        var thread = await newcomer.Client.GetOkAsync(path);
        Assert.Equal(2, thread.Document.QuerySelectorAll("article.post-opening .post-body a[href]").Length);
        Assert.Null(thread.Document.QuerySelector("article.post-opening .post-edited"));
    }

    [Fact]
    public async Task Staff_OnTheirFirstDay_AreHeldToNoPostingLimit()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        await FirstDayPosts.SeedAsync(factory, moderator, replies: 10, moreThreads: 2);

        var thread = await Compose.StartThreadAsync(moderator, Topic, "A moderator's fourth thread", ThreeLinks);
        var first = await Compose.ReplyAsync(moderator, thread.Url, ThreeLinks);
        var second = await Compose.ReplyAsync(moderator, thread.Url, "And another at once.");

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(3, second.Document.QuerySelectorAll("article.post").Length);
    }

    private static void AssertTooManyLinks(ForumClient.Page page, string body)
    {
        const string Message = "New members can include at most 2 links in a post on their first day; this one has 3. Remove some and post again.";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(Message, page.TextOf("#Body-error"));
        Assert.Contains(Message, page.TextOf(".form-errors"), StringComparison.Ordinal);
        Assert.Equal(body, (page.Document.QuerySelector("textarea#Body") as AngleSharp.Html.Dom.IHtmlTextAreaElement)?.Value);
    }
}
