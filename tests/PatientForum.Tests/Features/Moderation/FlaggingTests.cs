using System.Net;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// Flagging through the real form, beyond <see cref="FlagRulesTests"/>: what the flagger and the moderators
/// see, what readers see once enough members flag, and the requests the form must turn away.
/// </summary>
public sealed class FlaggingTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string AutoHiddenNotice = "This post is hidden while moderators review it.";

    [Fact]
    public async Task Flag_WithReasonAndNote_ThanksTheMember_AndShowsModeratorsTheReasonWhoAndTheNote()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "Stop your methotrexate, turmeric does the same job.");
        var flagger = await Members.RegisterConfirmedAsync(factory);
        var note = $"Telling people to stop their medicine {Guid.NewGuid():N}";

        var thanks = await Moderating.FlagAsync(flagger, postId, "MedicalMisinformation", note);

        Assert.Equal(HttpStatusCode.OK, thanks.Status);
        Assert.Equal("Thank you", thanks.TextOf("h1"));
        Assert.Null(thanks.Document.QuerySelector("#crisis-heading"));
        var moderator = await Staff.ModeratorAsync(factory);
        var flag = Assert.Single((await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelectorAll($"#queue-{postId} ul li"));
        Assert.Contains("Medical misinformation", flag.TextContent, StringComparison.Ordinal);
        Assert.Contains(flagger.DisplayName, flag.TextContent, StringComparison.Ordinal);
        Assert.Contains(note, flag.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeMembersFlag_ReadersAndAFourthMemberSeeTheNotice_TheAuthorStillSeesTheText()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"DM me for cheap ozone injections {Guid.NewGuid():N}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, text);
        for (var i = 0; i < 3; i++)
        {
            await Moderating.FlagAsync(await Moderating.EstablishedMemberAsync(factory), postId, "Spam");
        }
        var fourth = await Members.RegisterConfirmedAsync(factory);

        var visitorView = (await factory.CreateForumClient().GetOkAsync(path)).Document.QuerySelector($"#post-{postId}")!;
        var fourthView = (await fourth.Client.GetOkAsync(path)).Document.QuerySelector($"#post-{postId}")!;
        var authorView = (await author.Client.GetOkAsync(path)).Document.QuerySelector($"#post-{postId}")!;

        Assert.Equal(AutoHiddenNotice, visitorView.QuerySelector(".post-notice")?.TextContent.Trim());
        Assert.DoesNotContain(text, visitorView.TextContent, StringComparison.Ordinal);
        Assert.Equal(AutoHiddenNotice, fourthView.QuerySelector(".post-notice")?.TextContent.Trim());
        Assert.DoesNotContain(text, fourthView.TextContent, StringComparison.Ordinal);
        Assert.Null(fourthView.QuerySelector("a[href$='/flag']"));
        // The flag form quotes the post, so it must not open for a hidden one.
        Assert.Equal(HttpStatusCode.NotFound, (await fourth.Client.GetAsync($"/posts/{postId}/flag")).Status);
        Assert.Contains(text, authorView.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{AutoHiddenNotice} Only you and the moderators can see it.", authorView.QuerySelector(".post-notice")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameMember_AfterAModeratorKeptThePost_CanFlagItAgain()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "A post flagged, kept, then flagged again.");
        var flagger = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        await Moderating.FlagAsync(flagger, postId, note: "first time");
        await Moderating.ActAsync(moderator, postId, "keep", "Fine as it is");

        var again = await Moderating.FlagAsync(flagger, postId, "Harassment", "it got worse");

        Assert.Equal("Thank you", again.TextOf("h1"));
        var flags = (await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelectorAll($"#queue-{postId} ul li");
        var flag = Assert.Single(flags);
        Assert.Contains("it got worse", flag.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlagPost_AsVisitorWithAValidToken_SendsToSignIn_AndSavesNothing()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "Visitors cannot flag this either way.");
        var visitor = factory.CreateForumClient(followRedirects: false);

        var page = await visitor.PostAsync($"/posts/{postId}/flag", new Dictionary<string, string?> { ["Reason"] = "Spam", ["Note"] = "from a visitor" });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/login", LocationPath(page));
        var moderator = await Staff.ModeratorAsync(factory);
        Assert.Null((await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelector($"#queue-{postId}"));
    }

    [Fact]
    public async Task Flag_ByMemberWithUnconfirmedEmail_IsSentToSignInAndRaisesNothing()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "Only confirmed members flag.");
        var unconfirmed = await Members.RegisterAsync(factory);
        await Members.SignInAsync(unconfirmed.Client, unconfirmed);

        var form = await unconfirmed.Client.GetAsync($"/posts/{postId}/flag");
        var post = await unconfirmed.Client.PostAsync($"/posts/{postId}/flag", new Dictionary<string, string?> { ["Reason"] = "Spam" });

        // Nobody signs in before confirming the address, so the flag pages treat them as a visitor.
        Assert.StartsWith("/account/login", form.Url, StringComparison.Ordinal);
        Assert.StartsWith("/account/login", post.Url, StringComparison.Ordinal);
        var moderator = await Staff.ModeratorAsync(factory);
        Assert.Null((await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelector($"#queue-{postId}"));
    }

    [Theory]
    [InlineData("999", 0)]
    [InlineData("", 0)]
    [InlineData("Spam", 501)]
    public async Task Flag_WithAnUnknownReasonNoReasonOrTooLongANote_Answers422_AndSavesNothing(string reason, int noteLength)
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "A post flagged with a bad form.");
        var flagger = await Members.RegisterConfirmedAsync(factory);

        var page = await Moderating.FlagAsync(flagger, postId, reason, new string('n', noteLength));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.NotNull(page.Document.QuerySelector($"form[action='/posts/{postId}/flag']"));
        var moderator = await Staff.ModeratorAsync(factory);
        var queue = await moderator.Client.GetAsync("/moderation");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Null(queue.Document.QuerySelector($"#queue-{postId}"));
    }

    [Fact]
    public async Task FlagBeyondTheDailyLimit_ShowsTheFriendlyPage_WhileOtherMembersCanStillFlag()
    {
        using var forum = new FlagRulesTests.TwoFlagsADay();
        var author = await Members.RegisterConfirmedAsync(forum);
        var flagger = await Members.RegisterConfirmedAsync(forum);
        var posts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            posts.Add((await Moderating.ThreadWithReplyAsync(author, $"Capped reply {i}.")).ReplyId);
        }
        await Moderating.FlagAsync(flagger, posts[0]);
        await Moderating.FlagAsync(flagger, posts[1]);

        var third = await Moderating.FlagAsync(flagger, posts[2]);
        var other = await Moderating.FlagAsync(await Members.RegisterConfirmedAsync(forum), posts[2], note: "a different member");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("You have flagged a lot today", third.TextOf("h1"));
        Assert.Contains("reached today's limit", third.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Thank you", other.TextOf("h1"));
        var moderator = await Staff.ModeratorAsync(forum);
        var flag = Assert.Single((await moderator.Client.GetOkAsync($"/moderation/posts/{posts[2]}")).Document.QuerySelectorAll($"#queue-{posts[2]} ul li"));
        Assert.Contains("a different member", flag.TextContent, StringComparison.Ordinal);
    }
}
