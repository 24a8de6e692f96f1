using System.Globalization;
using System.Net;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Posting;

/// <summary>
/// A post refused for a reason that is not the text itself (posting too soon, a thread locked or hidden meanwhile,
/// a suspension that started while the form was open) shows the form again with what the member wrote, the reason
/// and when they can post again; the status (429 with Retry-After, 403, 404) stays for non-browser callers.
/// </summary>
public sealed class RefusedPostTests(RefusedPostTests.LimitedForum factory) : IClassFixture<RefusedPostTests.LimitedForum>
{
    private const string Topic = "rehab";

    public sealed class LimitedForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",

            // Established members: the rate limiter's windows are under test here, the first day in NewMemberLimitTests.
            ["Forum:RateLimits:NewUserHours"] = "0",

            // Every moderator here signs in twice (the second time with a code), all from one address.
            ["Forum:RateLimits:SignInsPerMinute"] = "1000",
            ["Forum:RateLimits:AccountMailsPerHourPerIp"] = "1000",
        };
    }

    [Fact]
    public async Task SecondReply_WithinFiveSeconds_ShowsTheReplyFormAgainWithTheText_429AndRetryAfter()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, Topic, Unique("Typing fast after surgery"), "Opening.");
        await Compose.ReplyAsync(member, path, "First reply.");
        var text = Unique("A long reply I do not want to type twice");

        var refused = await Compose.ReplyAsync(member, path, text);

        RefusedComposer.Assert(refused, HttpStatusCode.TooManyRequests, text, "Members can post a reply once every 5 seconds.");
        Assert.Contains("You can post again in 5 seconds.", RefusedComposer.Reason(refused), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(text, (await member.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondThread_WithinFifteenSeconds_ShowsTheNewThreadFormAgainWithTitleAndBody_429AndRetryAfter()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await Compose.StartThreadPathAsync(member, Topic, Unique("First of two threads"), "Opening.");
        var title = Unique("Second thread, too soon");
        var body = Unique("Everything about my second question");

        var refused = await Compose.StartThreadAsync(member, Topic, title, body);

        RefusedComposer.Assert(refused, HttpStatusCode.TooManyRequests, body, "Members can start a thread once every 15 seconds.", title);
        Assert.Equal(TimeSpan.FromSeconds(15), refused.Response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(title, (await member.Client.GetOkAsync($"/t/{Topic}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ToAThreadLockedWhileTheFormWasOpen_ShowsTheReplyFormAgainWithTheText_403()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Locked while I typed");
        var path = await Compose.StartThreadPathAsync(member, Topic, title, "Opening.");
        var open = await member.Client.GetOkAsync(path);
        await Moderating.ThreadActAsync(moderator, Compose.ThreadId(path), "lock", "Resolved");
        var text = Unique("My reply to a thread that just closed");

        var refused = await member.Client.SubmitAsync(open, Compose.ReplyForm, new Dictionary<string, string?> { ["Body"] = text });

        RefusedComposer.Assert(refused, HttpStatusCode.Forbidden, text, "A moderator has locked this thread, so it takes no new replies.");
        Assert.Equal($"Reply to “{title}”", refused.TextOf("h1"));
        Assert.DoesNotContain(text, (await member.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ToAThreadHiddenWhileTheFormWasOpen_ShowsTheTextWithoutTheThreadsTitle_404()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var author = await Members.RegisterConfirmedAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Hidden while another member typed");
        var path = await Compose.StartThreadPathAsync(author, Topic, title, "Opening.");
        var open = await member.Client.GetOkAsync(path);
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), "hide", "Spam");
        var text = Unique("A reply that arrived too late");

        var refused = await member.Client.SubmitAsync(open, Compose.ReplyForm, new Dictionary<string, string?> { ["Body"] = text });

        RefusedComposer.Assert(refused, HttpStatusCode.NotFound, text, "This thread is no longer available, so your reply was not posted.");
        Assert.DoesNotContain(title, refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, (await moderator.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_AfterASuspensionStartedWhileTheFormWasOpen_ShowsTheReplyFormAgainWithTheTextReasonAndUntilWhen_403()
    {
        var (member, path, suspension) = await MemberAboutToBeSuspendedAsync();
        var open = await member.Client.GetOkAsync(path);
        await suspension.StartAsync();
        var text = Unique("Written before I knew");

        var refused = await member.Client.SubmitAsync(open, Compose.ReplyForm, new Dictionary<string, string?> { ["Body"] = text });

        RefusedComposer.Assert(refused, HttpStatusCode.Forbidden, text, $"Your account is suspended until {suspension.Until}");
        Assert.Contains(suspension.Reason, RefusedComposer.Reason(refused), StringComparison.Ordinal);
        Assert.DoesNotContain(text, (await member.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartThread_AfterASuspensionStartedWhileTheFormWasOpen_KeepsTitleAndBody_403()
    {
        var (member, _, suspension) = await MemberAboutToBeSuspendedAsync();
        var form = await member.Client.GetOkAsync($"/t/{Topic}/new");
        await suspension.StartAsync();
        var title = Unique("A thread written before the suspension");
        var body = Unique("Three paragraphs about my recovery");

        var refused = await member.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?> { ["Title"] = title, ["Body"] = body });

        RefusedComposer.Assert(refused, HttpStatusCode.Forbidden, body, $"Your account is suspended until {suspension.Until}", title);
        Assert.Contains(suspension.Reason, RefusedComposer.Reason(refused), StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await factory.CreateForumClient().GetOkAsync($"/t/{Topic}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_AfterASuspensionStartedWhileTheFormWasOpen_ShowsTheEditFormAgainWithTheText_403()
    {
        var (member, path, suspension) = await MemberAboutToBeSuspendedAsync();
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var form = await member.Client.GetOkAsync($"/posts/{postId}/edit");
        await suspension.StartAsync();
        var body = Unique("My corrected story");

        var refused = await member.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Body"] = body });

        RefusedComposer.Assert(refused, HttpStatusCode.Forbidden, body, $"Your account is suspended until {suspension.Until}");
        Assert.Equal("Edit your post", refused.TextOf("h1"));
        Assert.DoesNotContain(body, (await member.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
    }

    /// <summary>A member with a thread of their own, and the three-day suspension a moderator is about to give them.</summary>
    private async Task<(Member Member, string Path, Suspension Suspension)> MemberAboutToBeSuspendedAsync()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, Topic, Unique("Before my suspension"), "Hello.");
        var userId = await ModerationState.UserIdAsync(factory, member.Email);
        return (member, path, new Suspension(moderator, userId, Unique("Repeated advertising")));
    }

    private sealed record Suspension(Member Moderator, string UserId, string Reason)
    {
        public string Until { get; } = DateTime.UtcNow.AddDays(3).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        public async Task StartAsync() => Assert.Equal(HttpStatusCode.OK, (await ModerationState.SuspendAsync(Moderator, UserId, "3", Reason)).Status);
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";
}
