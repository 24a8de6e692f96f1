using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PatientForum.TestSupport;

/// <summary>
/// A real SMTP server in-process on a loopback port, keeping every message it accepts. It can be stopped
/// and started again on the same port, and told to answer DATA with a given reply code (a 4xx to make the
/// sender retry, a 5xx to make it give up).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly List<MimeMessage> _received = [];
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public TestSmtpServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>When set, every message is refused with this reply code (e.g. 451 or 550) instead of kept.</summary>
    public int? RefuseWith { get; set; }

    /// <summary>How many messages were refused because of <see cref="RefuseWith"/>.</summary>
    public int Refused { get; private set; }

    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The forum's settings that send its mail here.</summary>
    public IDictionary<string, string?> ForumSettings => new Dictionary<string, string?>
    {
        ["Forum:Smtp:Host"] = "127.0.0.1",
        ["Forum:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Forum:Smtp:Security"] = "None",
        ["Forum:Smtp:TimeoutSeconds"] = "5",
    };

    public static async Task<TestSmtpServer> StartNewAsync()
    {
        var server = new TestSmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }
        _server.Shutdown();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        if (_running is not null)
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        _server = null;
    }

    /// <summary>Messages to <paramref name="address"/> (in To or Cc).</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Concat(m.Cc.Mailboxes).Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task<MimeMessage> WaitForAsync(string address, string subjectContains, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var message = To(address).FirstOrDefault(m => (m.Subject ?? "").Contains(subjectContains, StringComparison.OrdinalIgnoreCase));
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {address} about '{subjectContains}' reached the SMTP server.");
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have been received.</summary>
    public async Task WaitForCountAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Received.Count} of {count} messages reached the SMTP server.");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"The SMTP server did not start listening on port {Port}.");
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.RefuseWith is { } code)
            {
                owner.Refused++;
                return Task.FromResult(new SmtpServer.Protocol.SmtpResponse((SmtpReplyCode)code, "refused by the test"));
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            lock (owner._received)
            {
                owner._received.Add(message);
            }
            return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        }
    }
}
