using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;
using StackExchange.Redis;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>
/// Whether this forum shares state through Redis, and the one connection every shared service uses. The
/// connection is opened on first use, and only when <c>Forum:Redis</c> is set.
/// </summary>
public sealed class RedisConnection(IOptions<ForumOptions> forum) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => Connect(forum.Value));

    public bool IsConfigured { get; } = !string.IsNullOrWhiteSpace(forum.Value.Redis);

    public IConnectionMultiplexer Multiplexer => IsConfigured
        ? _multiplexer.Value
        : throw new InvalidOperationException("Forum:Redis is empty, so this forum does not use Redis.");

    /// <summary>False while Redis is unreachable; callers skip work that would only fail.</summary>
    public bool IsConnected => IsConfigured && _multiplexer.Value.IsConnected;

    /// <summary>
    /// A connection of the caller's own, for a library that closes the connection it is given when it is disposed
    /// (the Redis page-cache store does): closing the shared one would leave the backplane unsubscribing on a dead
    /// connection as the host stops.
    /// </summary>
    public IConnectionMultiplexer ConnectOwn() => Connect(forum.Value);

    public static bool IsConnectionString(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }

    private static ConnectionMultiplexer Connect(ForumOptions forum)
    {
        var options = ConfigurationOptions.Parse(forum.Redis);

        // Start, and reconnect later, when Redis is down; meanwhile commands fail at once (and the callers fall
        // back) instead of waiting in a queue for seconds on every request.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;

        // Live-update channels get the prefix here, since SignalR publishes through this connection.
        options.ChannelPrefix = RedisChannel.Literal(forum.RedisPrefix + ":");
        options.ClientName ??= "patientforum";
        return ConnectionMultiplexer.Connect(options);
    }
}
