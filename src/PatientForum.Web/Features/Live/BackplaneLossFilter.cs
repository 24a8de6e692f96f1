using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Infrastructure.Redis;
using StackExchange.Redis;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Ends this instance's live connections when its Redis subscription connection fails. Whatever is published
/// while the link is down is lost, and a page whose connection stayed open would never learn that it missed
/// something. A page whose connection ends reconnects by itself (that succeeds only once Redis answers again,
/// since the backplane subscribes every new connection), joins its thread again and fetches every reply newer
/// than the last one it shows.
/// <para>
/// A hub call that fails on Redis ends them too. A join whose subscription Redis refused leaves SignalR's
/// backplane counting the connection in the group without a subscription, and it subscribes only for the first
/// connection of a group, so no later reader on this instance would ever receive that thread's replies. Ending
/// every connection empties those groups; the pages join again once Redis answers, and the first join subscribes.
/// </para>
/// </summary>
public sealed class BackplaneLossFilter(RedisConnection redis, RedisOutage outage) : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);
    private int _watching;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (Interlocked.Exchange(ref _watching, 1) == 0)
        {
            redis.Multiplexer.ConnectionFailed += OnConnectionFailed;
        }
        _connections[context.Context.ConnectionId] = context.Context;
        await next(context);

        // The link may have failed between the backplane subscribing this connection and the line above.
        if (!redis.Multiplexer.GetSubscriber().IsConnected())
        {
            context.Context.Abort();
        }
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (RedisException exception)
        {
            EndEveryConnection(exception);
            throw new HubException("Live updates are unavailable for a moment; the page reconnects by itself.");
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            EndEveryConnection(e.Exception ?? new RedisConnectionException(e.FailureType, e.FailureType.ToString()));
        }
    }

    private void EndEveryConnection(Exception exception)
    {
        if (_connections.IsEmpty)
        {
            return;
        }
        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }
        outage.Failed("live updates", "live connections were ended; their pages reconnect and catch up once Redis answers", exception);
    }
}
