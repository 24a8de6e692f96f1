using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PatientForum.Benchmarks;

/// <summary>
/// N WebSocket readers on one thread; a reply posted over HTTP; the time until every reader has it.
/// The same is measured against a bare hub broadcasting a message of the same size, in the same run.
/// </summary>
public static class LiveDeliveryBenchmark
{
    private static readonly TimeSpan s_roundTimeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(Options options)
    {
        var readers = options.Number("readers", 1000);
        var rounds = options.Number("rounds", 5);
        Console.WriteLine($"Live delivery: {readers} WebSocket readers, {rounds} rounds, {Environment.ProcessorCount} cores");

        await using var forum = new ForumServer(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
        await forum.StartAsync();
        using var member = await ForumClient.CreateConfirmedMemberAsync(forum);
        var threadPath = await member.StartThreadAsync("rehab", "Live delivery benchmark thread", "Opening post.");
        var threadId = int.Parse(threadPath.Split('/')[2], CultureInfo.InvariantCulture);

        var forumProbe = new Probe(readers);
        await using (var connections = await Readers.OpenAsync(readers, forum.BaseUrl + "/hubs/forum",
            c => c.On<JsonElement>("PostAdded", post => forumProbe.Received(post.GetProperty("html").GetString()!.Length)),
            c => c.InvokeAsync<int>("JoinThread", threadId)))
        {
            for (var round = 0; round < rounds; round++)
            {
                var reply = await member.PrepareReplyAsync(threadPath, threadId, $"Benchmark reply {round}: the physio plan helped.");
                await forumProbe.MeasureAsync(reply);
            }
        }
        var forumLatency = Latency.From(forumProbe.Samples);
        var payloadSize = forumProbe.PayloadSize;
        await forum.StopAsync();

        await using var bare = await BareHubProcess.StartAsync();
        var bareProbe = new Probe(readers);
        using var http = new HttpClient { BaseAddress = new Uri(bare.BaseUrl) };
        await using (var connections = await Readers.OpenAsync(readers, bare.BaseUrl + "/hub",
            c => c.On<string>("Message", m => bareProbe.Received(m.Length)),
            c => c.InvokeAsync("Join")))
        {
            for (var round = 0; round < rounds; round++)
            {
                await bareProbe.MeasureAsync(() => http.PostAsync(new Uri($"/broadcast/{payloadSize}", UriKind.Relative), null));
            }
        }
        var bareLatency = Latency.From(bareProbe.Samples);

        Console.WriteLine($"Payload: {payloadSize} characters of post HTML");
        Console.WriteLine($"  forum reply, HTTP POST to every reader: {forumLatency}");
        Console.WriteLine($"  bare hub broadcast of the same size:    {bareLatency}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio forum / bare hub: p50 {forumLatency.P50 / bareLatency.P50:F2}  p99 {forumLatency.P99 / bareLatency.P99:F2}  max {forumLatency.Max / bareLatency.Max:F2}"));
        return 0;
    }

    /// <summary>Times one round: from just before the trigger until the last reader has the message.</summary>
    internal sealed class Probe(int readers)
    {
        private readonly List<double> _samples = [];
        private long _start;
        private int _count;
        private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<double> Samples => _samples;

        public int PayloadSize { get; private set; }

        public void Received(int size)
        {
            var elapsed = Stopwatch.GetElapsedTime(Interlocked.Read(ref _start)).TotalMilliseconds;
            lock (_samples)
            {
                _samples.Add(elapsed);
                PayloadSize = size;
            }
            if (Interlocked.Increment(ref _count) == readers)
            {
                _done.TrySetResult();
            }
        }

        public async Task MeasureAsync(Func<Task> trigger)
        {
            _count = 0;
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Exchange(ref _start, Stopwatch.GetTimestamp());
            await trigger();
            await _done.Task.WaitAsync(s_roundTimeout);
        }
    }
}

/// <summary>Many hub connections, opened in parallel batches and closed together.</summary>
public sealed class Readers : IAsyncDisposable
{
    private readonly List<HubConnection> _connections;

    private Readers(List<HubConnection> connections) => _connections = connections;

    public static async Task<Readers> OpenAsync(int count, string url, Action<HubConnection> subscribe, Func<HubConnection, Task> join)
    {
        var connections = new List<HubConnection>(count);
        for (var batch = 0; batch < count; batch += 50)
        {
            var opened = Enumerable.Range(batch, Math.Min(50, count - batch)).Select(async _ =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(url, o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                    })
                    .Build();
                subscribe(connection);
                await connection.StartAsync();
                await join(connection);
                return connection;
            });
            connections.AddRange(await Task.WhenAll(opened));
        }
        return new Readers(connections);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
    }
}
