using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Live;

/// <summary>Every post push and "thread gone" notice one connection hears, to wait on or to check that none came.</summary>
public sealed class LivePushes
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    private readonly Channel<PostFragment> _posts = Channel.CreateUnbounded<PostFragment>();
    private readonly Channel<int> _gone = Channel.CreateUnbounded<int>();

    public LivePushes(HubConnection connection)
    {
        connection.On<PostFragment>(nameof(IForumClient.PostAdded), post => _posts.Writer.TryWrite(post));
        connection.On<PostFragment>(nameof(IForumClient.PostUpdated), post => _posts.Writer.TryWrite(post));
        connection.On<int>(nameof(IForumClient.ThreadGone), threadId => _gone.Writer.TryWrite(threadId));
    }

    /// <summary>Every post heard so far, read out.</summary>
    public IReadOnlyList<PostFragment> Heard()
    {
        var heard = new List<PostFragment>();
        while (_posts.Reader.TryRead(out var post))
        {
            heard.Add(post);
        }
        return heard;
    }

    /// <summary>Waits for a push of the post whose HTML holds <paramref name="text"/>, skipping others.</summary>
    public async Task<PostFragment> WaitForAsync(string text)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        while (true)
        {
            var post = await _posts.Reader.ReadAsync(timeout.Token);
            if (post.Html.Contains(text, StringComparison.Ordinal))
            {
                return post;
            }
        }
    }

    public async Task<int> WaitForThreadGoneAsync()
    {
        using var timeout = new CancellationTokenSource(s_wait);
        return await _gone.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>
    /// Waits until the server has answered a call on <paramref name="connection"/>: it answers after whatever it sent
    /// there before, and the client hands messages to their handlers in order, so a push sent earlier has been heard.
    /// </summary>
    public static Task SettleAsync(HubConnection connection) => connection.InvokeAsync<string>(nameof(ForumHub.JoinTopic), "rehab");
}
