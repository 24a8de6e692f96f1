using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// A reader following a thread on a forum process over a real WebSocket, doing what wwwroot/js/live.js does on the
/// last page of a thread: reconnect for as long as it is open, and after every (re)connection join the thread
/// again and ask for every reply newer than the last one it shows. It records whether each post came live or
/// through a catch-up.
/// </summary>
public sealed class ThreadFollower : IAsyncDisposable
{
    // live.js backs off to 10 s; a shorter cap keeps the test quick without changing what the client does.
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly HubConnection _connection;
    private readonly int _threadId;
    private readonly ConcurrentDictionary<int, (string Html, bool Live)> _posts = new();
    private readonly CancellationTokenSource _disposed = new();
    private int _restarting;
    private volatile bool _following;

    private ThreadFollower(ForumServer server, int threadId)
    {
        _threadId = threadId;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseUrl + "/hubs/forum"))
            .WithAutomaticReconnect(new ForeverRetry())
            .Build();
        _connection.On<PostFragment>(nameof(IForumClient.PostAdded), post =>
        {
            if (post.ThreadId == _threadId)
            {
                _posts.TryAdd(post.PostId, (post.Html, true));
            }
        });
        _connection.Reconnecting += _ => Unfollow();
        _connection.Reconnected += _ => JoinAndCatchUpOrRestartAsync();
        _connection.Closed += _ =>
        {
            _following = false;
            return StartWithRetryAsync();
        };
    }

    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    /// <summary>Connected, and the last join of the thread succeeded, so replies should arrive live.</summary>
    public bool IsFollowing => _following && IsConnected;

    public static async Task<ThreadFollower> FollowAsync(ForumServer server, int threadId)
    {
        var follower = new ThreadFollower(server, threadId);
        await follower._connection.StartAsync();
        await follower.JoinAndCatchUpAsync();
        return follower;
    }

    /// <summary>An open page that has not joined its thread yet; <see cref="TryJoinAsync"/> does that.</summary>
    public static async Task<ThreadFollower> ConnectAsync(ForumServer server, int threadId)
    {
        var follower = new ThreadFollower(server, threadId);
        await follower._connection.StartAsync();
        return follower;
    }

    /// <summary>Joins the thread and catches up, as the page does after connecting; false when the hub refused.</summary>
    public async Task<bool> TryJoinAsync()
    {
        try
        {
            await JoinAndCatchUpAsync();
            return true;
        }
        catch (Exception) when (!_disposed.IsCancellationRequested)
        {
            // The hub answered with an error, or the connection ended under the call.
            return false;
        }
    }

    /// <summary>Whether the reader shows a post containing <paramref name="text"/>; null when not, else whether it came live.</summary>
    public bool? Shows(string text) =>
        _posts.Values.Where(post => post.Html.Contains(text, StringComparison.Ordinal)).Select(post => (bool?)post.Live).FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        await _connection.DisposeAsync();
        _disposed.Dispose();
    }

    // Groups do not survive a reconnect, so join again, then fetch what was missed (live.js: joinAndCatchUp).
    private async Task JoinAndCatchUpAsync()
    {
        await _connection.InvokeAsync<int>(nameof(ForumHub.JoinThread), _threadId, _disposed.Token);
        var lastShown = _posts.IsEmpty ? 0 : _posts.Keys.Max();
        var missed = await _connection.InvokeAsync<IReadOnlyList<PostFragment>>(
            nameof(ForumHub.RepliesAfter), _threadId, lastShown, _disposed.Token);
        foreach (var post in missed)
        {
            _posts.TryAdd(post.PostId, (post.Html, false));
        }
        _following = true;
    }

    private Task Unfollow()
    {
        _following = false;
        return Task.CompletedTask;
    }

    private async Task JoinAndCatchUpOrRestartAsync()
    {
        try
        {
            await JoinAndCatchUpAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection closed under the calls; Closed starts it again.
        }
    }

    // live.js: onclose → startWithRetry, for as long as the page is open. One retry loop at a time.
    private async Task StartWithRetryAsync()
    {
        if (Interlocked.Exchange(ref _restarting, 1) == 1)
        {
            return;
        }
        try
        {
            await RetryUntilJoinedAsync();
        }
        finally
        {
            Volatile.Write(ref _restarting, 0);
        }
    }

    private async Task RetryUntilJoinedAsync()
    {
        for (var attempt = 0; !_disposed.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(ForeverRetry.Delay(attempt), _disposed.Token);
                await _connection.StartAsync(_disposed.Token);
                await JoinAndCatchUpAsync();
                return;
            }
            catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Not back yet: try again, as the page does.
            }
        }
    }

    private sealed class ForeverRetry : IRetryPolicy
    {
        public static TimeSpan Delay(int attempt) =>
            TimeSpan.FromMilliseconds(Math.Min(s_maxRetryDelay.TotalMilliseconds, 100 * Math.Pow(2, attempt)));

        public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay((int)Math.Min(retryContext.PreviousRetryCount, 10));
    }
}
