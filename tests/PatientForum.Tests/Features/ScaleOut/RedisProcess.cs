using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// A redis-server of the test's own on a free loopback port, which the test may kill and start again on the same
/// port. The shared test Redis is never touched: other tests use it. Stopped only through the process this
/// class started.
/// </summary>
public sealed class RedisProcess : IDisposable
{
    private const string AdminUser = "test-admin";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(15);
    private Process? _process;

    private RedisProcess(int port) => Port = port;

    public int Port { get; }

    /// <summary>The connection string the forum is given (Forum__Redis).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartNewAsync()
    {
        var redis = new RedisProcess(FreePort());
        try
        {
            await redis.StartAsync();
            return redis;
        }
        catch
        {
            redis.Dispose();
            throw;
        }
    }

    /// <summary>Starts the server (again) on <see cref="Port"/>, empty, and waits until it answers.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + s_startTimeout;
        while (await PingAsync() is false)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer within {s_startTimeout.TotalSeconds} s.");
            }
            await Task.Delay(50);
        }

        // A user of the test's own, so that it can still change the default user's rights after taking them away.
        using var probe = await ConnectionMultiplexer.ConnectAsync(Probe());
        await probe.GetServer(ConnectionString).ExecuteAsync("ACL", "SETUSER", AdminUser, "on", "nopass", "+@all", "~*", "&*");
    }

    /// <summary>Kills the server, as a crash would: whatever it held is gone.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>How many connections named <paramref name="clientName"/> are open to the server now (0 when it is down).</summary>
    public async Task<int> ClientsNamedAsync(string clientName)
    {
        try
        {
            using var probe = await ConnectionMultiplexer.ConnectAsync(Probe());
            var clients = await probe.GetServer(ConnectionString).ClientListAsync();
            return clients.Count(client => client.Name == clientName);
        }
        catch (RedisConnectionException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Makes the server refuse SUBSCRIBE (an ACL on the default user) while everything else carries on, as a
    /// subscription connection that is failing or not yet back would; subscriptions already made stay.
    /// </summary>
    public Task RefuseSubscriptionsAsync() => SetDefaultUserAsync("-subscribe");

    public Task AllowSubscriptionsAsync() => SetDefaultUserAsync("+subscribe");

    /// <summary>Makes the server refuse PUBLISH; subscribers stay subscribed.</summary>
    public Task RefusePublishingAsync() => SetDefaultUserAsync("-publish");

    public Task AllowPublishingAsync() => SetDefaultUserAsync("+publish");

    /// <summary>Makes the server refuse every command on keys; connections stay up, and pub/sub and pings still answer.</summary>
    public Task RefuseKeyCommandsAsync() => SetDefaultUserAsync("-@all", "+@connection", "+@pubsub");

    public Task AllowKeyCommandsAsync() => SetDefaultUserAsync("+@all");

    public void Dispose() => Stop();

    private async Task SetDefaultUserAsync(params string[] rules)
    {
        var asAdmin = Probe();
        asAdmin.User = AdminUser;
        using var probe = await ConnectionMultiplexer.ConnectAsync(asAdmin);
        await probe.GetServer(ConnectionString).ExecuteAsync("ACL", ["SETUSER", "default", .. rules]);
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var probe = await ConnectionMultiplexer.ConnectAsync(Probe());
            await probe.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisConnectionException)
        {
            return false;
        }
    }

    private ConfigurationOptions Probe() => new()
    {
        EndPoints = { { IPAddress.Loopback, Port } },
        AbortOnConnectFail = true,
        ConnectTimeout = 1000,
        ConnectRetry = 0,
        ClientName = "test-probe",
        AllowAdmin = true,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
