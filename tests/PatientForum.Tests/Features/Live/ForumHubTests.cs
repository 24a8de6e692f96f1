using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Live;

public sealed class ForumHubTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task JoinThread_AsAnonymousReader_ReceivesReplyRenderedByServerWithoutPrivateParts()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Hydrotherapy after a hip", "Has anyone tried it?");
        await using var reader = await LiveClient.ConnectAsync(factory);
        var added = Channel.CreateUnbounded<PostFragment>();
        reader.On<PostFragment>(nameof(IForumClient.PostAdded), post => added.Writer.TryWrite(post));
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(path));

        await Compose.ReplyAsync(member, path, "Yes, the **warm pool** eased my hip.");

        var post = await ReadAsync(added);
        Assert.Equal(Compose.ThreadId(path), post.ThreadId);
        Assert.Contains("<strong>warm pool</strong>", post.Html, StringComparison.Ordinal);
        Assert.Contains(member.DisplayName, post.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"post-{post.PostId}\"", post.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/edit", post.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Email, post.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RepliesAfter_GivenLastShownPost_ReturnsOnlyNewerRepliesInOrder()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "injections", "Catch-up ordering thread", "Opening post.");
        await using var reader = await LiveClient.ConnectAsync(factory);
        var threadId = Compose.ThreadId(path);
        var before = await reader.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, 0);
        var opening = Assert.Single(before);

        foreach (var text in new[] { "first reply", "second reply", "third reply" })
        {
            await Compose.ReplyAsync(member, path, text);
        }
        var missed = await reader.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, opening.PostId);

        Assert.Collection(missed,
            p => Assert.Contains("first reply", p.Html, StringComparison.Ordinal),
            p => Assert.Contains("second reply", p.Html, StringComparison.Ordinal),
            p => Assert.Contains("third reply", p.Html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepliesAfter_MoreMissedThanOneCallHolds_PagingFromEachBatchsLastReply_GetsEveryReplyOnceInSavedOrder()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(member, "rehab", "Catch-up paging thread", "Opening post."));
        await using var reader = await LiveClient.ConnectAsync(factory);
        var opening = Assert.Single(await reader.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, 0));

        var saved = await MissedActivity.RepliesFromTwoClocksAsync(factory, threadId, ForumHub.CatchUpLimit + 50, TimeSpan.FromSeconds(2));
        var (missed, calls) = await MissedActivity.AllRepliesAfterAsync(reader, threadId, opening.PostId);

        Assert.Equal(saved, missed.Select(p => p.PostId));
        Assert.All(missed, p => Assert.Equal(threadId, p.ThreadId));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task RepliesAfter_MissedRepliesLongerThanOneCallCarries_ComeInCallsOfAtMostTheByteCap_EveryReplyOnce()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(member, "rehab", "Catch-up size thread", "Opening post."));
        await using var reader = await LiveClient.ConnectAsync(factory);
        var opening = Assert.Single(await reader.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, 0));

        var saved = await MissedActivity.LongRepliesAsync(factory, threadId, 12, 40_000);
        var first = await reader.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, opening.PostId);
        var (missed, _) = await MissedActivity.AllRepliesAfterAsync(reader, threadId, opening.PostId);

        Assert.NotEmpty(first);
        Assert.InRange(first.Sum(p => Encoding.UTF8.GetByteCount(p.Html)), 1, ForumHub.CatchUpBytes);
        Assert.Equal(saved, missed.Select(p => p.PostId));
    }

    [Fact]
    public async Task ThreadActivityAfter_Reconnecting_GetsThreadsStartedAndRepliedToWhileAway_OldestFirst_AndNoUnchangedOnes()
    {
        const string topic = "surgical-referral";
        var member = await Members.RegisterConfirmedAsync(factory);
        var quiet = await MissedActivity.ThreadsActiveAtAsync(factory, member, topic, 2, DateTime.UtcNow.AddHours(-1));
        string cursor;
        await using (var before = await LiveClient.ConnectAsync(factory))
        {
            cursor = await before.InvokeAsync<string>(nameof(ForumHub.JoinTopic), topic);
        }

        var started = Compose.ThreadId(await Compose.StartThreadPathAsync(member, topic, "Started while you were away", "New."));
        await Compose.ReplyAsync(member, $"/threads/{quiet[0]}/seeded-thread-0", "A reply while you were away.");
        await using var after = await LiveClient.ConnectAsync(factory);
        await after.InvokeAsync<string>(nameof(ForumHub.JoinTopic), topic);
        var (rows, _) = await MissedActivity.AllThreadActivityAfterAsync(after, topic, cursor);

        var ids = rows.Select(r => r.ThreadId).ToList();
        Assert.InRange(ids.IndexOf(started), 0, ids.IndexOf(quiet[0]) - 1);
        Assert.Contains("1 reply", rows.Single(r => r.ThreadId == quiet[0]).Html, StringComparison.Ordinal);
        Assert.Contains("Started while you were away", rows.Single(r => r.ThreadId == started).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(quiet[1], ids);
        Assert.All(rows, r => Assert.Equal(topic, r.TopicSlug));
    }

    [Fact]
    public async Task ThreadActivityAfter_AThreadHiddenWhileAway_ReachesNeitherVisitorsNorOtherMembers()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        await using var joined = await LiveClient.ConnectAsync(factory);
        var cursor = await joined.InvokeAsync<string>(nameof(ForumHub.JoinTopic), "injections");

        var title = $"Miracle injections, message me {Guid.NewGuid():N}";
        var hidden = await Compose.StartThreadPathAsync(author, "injections", title, "Prices on request.");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, hidden), "hide", "Advertising");
        var canary = Compose.ThreadId(await Compose.StartThreadPathAsync(author, "injections", $"Canary {Guid.NewGuid():N}", "Later activity."));

        await using var visitor = await LiveClient.ConnectAsync(factory);
        await using var member = await LiveClient.ConnectAsync(factory, other.Client);
        foreach (var hub in new[] { visitor, member })
        {
            var (rows, _) = await MissedActivity.AllThreadActivityAfterAsync(hub, "injections", cursor);
            Assert.Contains(rows, r => r.ThreadId == canary);
            Assert.DoesNotContain(rows, r => r.ThreadId == Compose.ThreadId(hidden) || r.Html.Contains(title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ThreadActivityAfter_MoreThreadsChangedThanOneCallHolds_PagesThroughEachOnce_EvenAtOneInstant()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await using var reader = await LiveClient.ConnectAsync(factory);
        var cursor = await reader.InvokeAsync<string>(nameof(ForumHub.JoinTopic), "biologics");
        var seeded = await MissedActivity.ThreadsActiveAtAsync(factory, member, "biologics", ForumHub.CatchUpLimit + 30, DateTime.UtcNow);

        var (rows, calls) = await MissedActivity.AllThreadActivityAfterAsync(reader, "biologics", cursor);

        Assert.Equal(seeded.Order(), rows.Select(r => r.ThreadId).Where(seeded.Contains));
        Assert.True(calls >= 2, $"{rows.Count} rows came in {calls} call(s).");
    }

    [Theory]
    [InlineData("rehab", "not a position")]
    [InlineData("rehab", "-5.1")]
    [InlineData("rehab", "99999999999999999999.1")]
    [InlineData("no-such-topic", "0.0")]
    public async Task ThreadActivityAfter_GarbledPositionOrUnknownTopic_IsRefused(string topic, string cursor)
    {
        await using var reader = await LiveClient.ConnectAsync(factory);

        await Assert.ThrowsAsync<HubException>(() => reader.InvokeAsync<ThreadActivityPage>(nameof(ForumHub.ThreadActivityAfter), topic, cursor));
    }

    [Fact]
    public async Task JoinThread_UnknownThread_IsRefused()
    {
        await using var reader = await LiveClient.ConnectAsync(factory);

        var error = await Assert.ThrowsAsync<HubException>(() => reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), 987654));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presence_TwoReadersOnOneThread_BothAreCounted()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(member, "biologics", "Presence thread", "Who is here?"));
        await using var first = await LiveClient.ConnectAsync(factory);
        await using var second = await LiveClient.ConnectAsync(factory);

        Assert.Equal(1, await first.InvokeAsync<int>(nameof(ForumHub.JoinThread), threadId));
        Assert.Equal(2, await second.InvokeAsync<int>(nameof(ForumHub.JoinThread), threadId));
    }

    [Fact]
    public async Task Typing_ByConfirmedMember_IsShownToOthers_ButRefusedForAnonymousAndUnconfirmed()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var unconfirmed = await Members.RegisterAsync(factory);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(member, "rehab", "Typing indicator thread", "Reply to me."));
        await using var reader = await LiveClient.ConnectAsync(factory);
        await using var writer = await LiveClient.ConnectAsync(factory, member.Client);
        await using var anonymous = await LiveClient.ConnectAsync(factory);
        await using var notConfirmed = await LiveClient.ConnectAsync(factory, unconfirmed.Client);
        var typing = Channel.CreateUnbounded<string>();
        reader.On<int, string>(nameof(IForumClient.Typing), (_, name) => typing.Writer.TryWrite(name));
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), threadId);

        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync(nameof(ForumHub.Typing), threadId));
        await Assert.ThrowsAsync<HubException>(() => notConfirmed.InvokeAsync(nameof(ForumHub.Typing), threadId));
        await writer.InvokeAsync(nameof(ForumHub.Typing), threadId);

        // Every seeded topic allows aliases, so the notice names nobody (AliasNoticeTests covers a topic without them).
        Assert.Equal(ForumHub.AnonymousWriter, await ReadAsync(typing));
        Assert.False(typing.Reader.TryRead(out _), "Refused callers must not have reached the other readers.");
    }

    [Fact]
    public async Task Handshake_FromAnotherSite_IsRefused_FromThisSite_IsAccepted()
    {
        using var client = factory.CreateClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/hubs/forum/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "https://evil.example");
        using var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/forum/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", "http://localhost");

        using var refused = await client.SendAsync(foreign);
        using var accepted = await client.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData(nameof(ForumHub.JoinTopic))]
    [InlineData(nameof(ForumHub.ThreadActivityAfter))]
    public async Task HubCalls_BeyondTheRateLimit_AreRefused(string method)
    {
        await using var reader = await LiveClient.ConnectAsync(factory);
        object?[] args = method == nameof(ForumHub.JoinTopic) ? ["rehab"] : ["rehab", new ActivityCursor(DateTime.UtcNow, 0).ToToken()];
        var refused = 0;
        for (var i = 0; i < HubRateLimitFilter.CallsPerWindow + 5; i++)
        {
            try
            {
                await reader.InvokeCoreAsync(method, args);
            }
            catch (HubException ex) when (ex.Message.Contains("Too many", StringComparison.Ordinal))
            {
                refused++;
            }
        }

        Assert.True(refused >= 5, $"Expected at least 5 refused calls, got {refused}.");
    }

    [Fact]
    public async Task Message_LargerThanTheLimit_ClosesTheConnection()
    {
        await using var reader = await LiveClient.ConnectAsync(factory);
        var closed = new TaskCompletionSource();
        reader.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Exception>(() => reader.InvokeAsync(nameof(ForumHub.JoinTopic), new string('x', 10_000)));

        await closed.Task.WaitAsync(s_wait);
        Assert.Equal(HubConnectionState.Disconnected, reader.State);
    }

    private static async Task<T> ReadAsync<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
