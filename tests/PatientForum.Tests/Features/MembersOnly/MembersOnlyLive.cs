using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Live;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.MembersOnly;

/// <summary>
/// The live scenarios of members-only threads, run on one instance and on two behind Redis: the author writes through
/// one forum, a visitor and a confirmed member listen on another (or the same). Nothing is waited for by time: the
/// visitor's silence is checked after a public push that came later has reached it.
/// </summary>
public static class MembersOnlyLive
{
    /// <summary>A members-only thread started in a topic both have open: the member gets its row and its replies, the visitor nothing, and cannot join it.</summary>
    public static async Task NewThreadAsync(ForumFactory writeOn, ForumFactory listenOn, Member author, Member reader, string topic)
    {
        await using var visitor = await LiveClient.ConnectAsync(listenOn);
        await using var member = await LiveClient.ConnectAsync(listenOn, reader.Client);
        var (visitorHeard, memberHeard) = (new Heard(visitor), new Heard(member));
        var (visitorPushes, memberPushes) = (new LivePushes(visitor), new LivePushes(member));
        await visitor.InvokeAsync<string>(nameof(ForumHub.JoinTopic), topic);
        await member.InvokeAsync<string>(nameof(ForumHub.JoinTopic), topic);

        var title = MembersOnlyThreads.Unique("Live and members only");
        var path = await MembersOnlyThreads.StartAsync(Writer(author, writeOn), topic, title, "Nobody outside should hear this.");
        var id = Compose.ThreadId(path);
        var row = await memberHeard.RowAsync(id);
        await member.InvokeAsync<int>(nameof(ForumHub.JoinThread), id);
        await Compose.ReplyAsync(Writer(reader, writeOn), path, "A members-only reply, pushed live.");
        await memberPushes.WaitForAsync("pushed live");
        var marker = Compose.ThreadId(await Compose.StartThreadPathAsync(Writer(author, writeOn), topic, MembersOnlyThreads.Unique("A public marker"), "Public."));
        await visitorHeard.RowAsync(marker);
        await LivePushes.SettleAsync(visitor);

        Assert.Contains(title, row.Html, StringComparison.Ordinal);
        Assert.Contains("Members only", row.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(visitorHeard.Rows(), r => r.ThreadId == id || r.Html.Contains(title, StringComparison.Ordinal));
        Assert.Empty(visitorPushes.Heard());
        await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<int>(nameof(ForumHub.JoinThread), id));
        await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), id, 0));
    }

    /// <summary>
    /// A public thread both have open becomes members-only: the visitor's page is told it is gone and cannot join again,
    /// and hears none of the replies or rows that follow; the member hears them all.
    /// </summary>
    public static async Task SwitchedThreadAsync(ForumFactory writeOn, ForumFactory listenOn, Member author, Member reader, string topic)
    {
        var title = MembersOnlyThreads.Unique("Public until it was not");
        var path = await Compose.StartThreadPathAsync(Writer(author, writeOn), topic, title, "Open for now.");
        var id = Compose.ThreadId(path);
        var publicPath = await Compose.StartThreadPathAsync(Writer(author, writeOn), topic, MembersOnlyThreads.Unique("Stays public"), "Open.");
        await using var visitor = await LiveClient.ConnectAsync(listenOn);
        await using var member = await LiveClient.ConnectAsync(listenOn, reader.Client);
        var (visitorHeard, memberHeard) = (new Heard(visitor), new Heard(member));
        foreach (var connection in new[] { visitor, member })
        {
            await connection.InvokeAsync<string>(nameof(ForumHub.JoinTopic), topic);
            await connection.InvokeAsync<int>(nameof(ForumHub.JoinThread), id);
            await connection.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(publicPath));
        }
        var visitorPushes = new LivePushes(visitor);
        var memberPushes = new LivePushes(member);

        await MembersOnlyThreads.SwitchAsync(Writer(author, writeOn), path, "Members");
        var gone = await visitorPushes.WaitForThreadGoneAsync();

        // Every page is told and joins again, as live.js does; only those who read members-only threads get back in.
        Assert.Equal(id, await memberPushes.WaitForThreadGoneAsync());
        await member.InvokeAsync<int>(nameof(ForumHub.JoinThread), id);
        await Compose.ReplyAsync(Writer(reader, writeOn), path, "Written once it was for members.");
        await memberPushes.WaitForAsync("Written once it was for members.");
        await memberHeard.RowAsync(id);
        await Compose.ReplyAsync(Writer(author, writeOn), publicPath, "A public reply, after.");
        await visitorPushes.WaitForAsync("A public reply, after.");
        await LivePushes.SettleAsync(visitor);

        Assert.Equal(id, gone);
        await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<int>(nameof(ForumHub.JoinThread), id));
        Assert.DoesNotContain(visitorPushes.Heard(), p => p.ThreadId == id);
        Assert.DoesNotContain(visitorHeard.Rows(), r => r.ThreadId == id);
    }

    private static Member Writer(Member member, ForumFactory instance) =>
        ReferenceEquals(ForumFactory.Of(member.Client), instance) ? member : ScaleOut.RedisPair.On(member, instance);

    /// <summary>The thread rows and posts one connection hears.</summary>
    private sealed class Heard
    {
        private readonly Channel<ThreadRowFragment> _rows = Channel.CreateUnbounded<ThreadRowFragment>();
        private readonly List<ThreadRowFragment> _seen = [];

        public Heard(HubConnection connection) =>
            connection.On<ThreadRowFragment>(nameof(IForumClient.ThreadActivity), row => _rows.Writer.TryWrite(row));

        public async Task<ThreadRowFragment> RowAsync(int threadId)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (true)
            {
                var row = await _rows.Reader.ReadAsync(timeout.Token);
                _seen.Add(row);
                if (row.ThreadId == threadId)
                {
                    return row;
                }
            }
        }

        public List<ThreadRowFragment> Rows()
        {
            while (_rows.Reader.TryRead(out var row))
            {
                _seen.Add(row);
            }
            return _seen;
        }
    }
}
