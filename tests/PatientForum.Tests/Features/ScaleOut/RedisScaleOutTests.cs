using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using PatientForum.Tests.Features.Live;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// What two instances on one Redis must share: live updates, the visitors' page cache and its eviction, and
/// presence counts. Each test would pass on one instance alone, and fails when the instances keep them apart.
/// </summary>
public sealed class RedisScaleOutTests(RedisPair pair) : IClassFixture<RedisPair>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Reply_PostedThroughA_ReachesReaderConnectedToB()
    {
        var member = await Members.RegisterConfirmedAsync(pair.A);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Backplane thread", "Read on the other instance.");
        await using var readerOnB = await LiveClient.ConnectAsync(pair.B);
        var added = Channel.CreateUnbounded<PostFragment>();
        readerOnB.On<PostFragment>(nameof(IForumClient.PostAdded), post => added.Writer.TryWrite(post));
        await readerOnB.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(path));

        await Compose.ReplyAsync(member, path, "Posted through **instance A**.");

        var post = await added.Reader.ReadAsync().AsTask().WaitAsync(s_wait);
        Assert.Equal(Compose.ThreadId(path), post.ThreadId);
        Assert.Contains("<strong>instance A</strong>", post.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadPageCachedOnB_AfterReplyThroughA_IsServedFresh()
    {
        var member = await Members.RegisterConfirmedAsync(pair.A);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Cached on the other instance", "Opening post.");
        using var visitorOnB = pair.B.CreateForumClient();
        using var visitorOnA = pair.A.CreateForumClient();

        await visitorOnB.GetOkAsync(path);
        var cachedOnB = await visitorOnB.GetOkAsync(path);
        var sharedWithA = await visitorOnA.GetOkAsync(path);
        await Compose.ReplyAsync(member, path, "A reply no cached copy may hide.");
        var afterReply = await visitorOnB.GetOkAsync(path);

        Assert.True(cachedOnB.Response.Headers.Age is not null, "B did not cache the thread page.");
        Assert.True(sharedWithA.Response.Headers.Age is not null, "A did not serve the copy B cached: the cache is not shared.");
        Assert.Null(afterReply.Response.Headers.Age);
        Assert.Contains("A reply no cached copy may hide.", afterReply.TextsOf(".post-body"));
    }

    [Fact]
    public async Task Presence_ReadersOnAAndB_AreCountedTogether()
    {
        var member = await Members.RegisterConfirmedAsync(pair.A);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(member, "biologics", "Presence on two instances", "Who is here?"));
        await using var onA = await LiveClient.ConnectAsync(pair.A);
        await using var onB = await LiveClient.ConnectAsync(pair.B);
        var shownOnA = Channel.CreateUnbounded<int>();
        onA.On<int, int>(nameof(IForumClient.Presence), (thread, readers) =>
        {
            if (thread == threadId)
            {
                shownOnA.Writer.TryWrite(readers);
            }
        });

        var joinedOnA = await onA.InvokeAsync<int>(nameof(ForumHub.JoinThread), threadId);
        var joinedOnB = await onB.InvokeAsync<int>(nameof(ForumHub.JoinThread), threadId);
        await ShownAsync(shownOnA, 2);
        await onB.InvokeAsync(nameof(ForumHub.LeaveThread), threadId);
        await ShownAsync(shownOnA, 1);

        Assert.Equal((1, 2), (joinedOnA, joinedOnB));
    }

    /// <summary>Waits until the page on A is told <paramref name="readers"/>; counts are sent in batches, so others may come first.</summary>
    private static async Task ShownAsync(Channel<int> shown, int readers)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        var seen = new List<int>();
        try
        {
            while (await shown.Reader.ReadAsync(timeout.Token) is var count)
            {
                seen.Add(count);
                if (count == readers)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The page on A was never told {readers} reading; it was told: {string.Join(", ", seen)}.");
        }
    }

    [Fact]
    public async Task Reply_AfterAThreadIsHiddenThroughA_ReachesStaffOnA_NotAVisitorWhoJoinedOnBBefore_WhomBRemoves()
    {
        var author = await Members.RegisterConfirmedAsync(pair.A);
        var moderator = await Staff.ModeratorAsync(pair.A);
        var thread = await HiddenThreads.StartAsync(author);
        await using var visitorOnB = await LiveClient.ConnectAsync(pair.B);
        await using var staffOnA = await LiveClient.ConnectAsync(pair.A, moderator.Client);
        var (visitorHeard, staffHeard) = (new LivePushes(visitorOnB), new LivePushes(staffOnA));
        await visitorOnB.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id);
        await staffOnA.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id);

        var hidden = await Moderating.ActAsync(moderator, thread.OpeningPostId, "hide", "Shares a patient's full name");
        Assert.Equal(HttpStatusCode.OK, hidden.Status);
        // B hears of the hide on two Redis channels, the thread group's notice and the eviction, in either order: once
        // B has taken the visitor out, the notice finds no one there, so the visitor's page acts on ThreadGone alone.
        Assert.Equal(thread.Id, await visitorHeard.WaitForThreadGoneAsync());
        await HiddenThreads.ReplyAsync(author, thread, "Written after the hide, on instance A.");
        await staffHeard.WaitForAsync("Written after the hide");
        await LivePushes.SettleAsync(visitorOnB);

        Assert.All(visitorHeard.Heard(), post => Assert.Contains("hidden by a moderator", post.Html, StringComparison.Ordinal));
        await Assert.ThrowsAsync<HubException>(() => visitorOnB.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id));
    }
}
