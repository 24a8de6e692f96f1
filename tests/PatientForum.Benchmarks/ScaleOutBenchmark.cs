using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace PatientForum.Benchmarks;

/// <summary>
/// The scale-out configuration against the single machine, in one run: anonymous thread-page throughput on
/// PostgreSQL (with the Redis page cache) against SQLite on one instance; two instances behind nginx (configured
/// from docs/nginx.conf) against one behind the same nginx; and live-reply delivery through the Redis backplane
/// (readers on one instance, replies posted on the other) against a single instance. Needs wrk, nginx, a PostgreSQL
/// server whose role may create databases (FORUM_TEST_POSTGRES) and a Redis server (FORUM_TEST_REDIS).
/// </summary>
public static class ScaleOutBenchmark
{
    private static readonly Dictionary<string, string> s_quiet = new() { ["Logging__LogLevel__Default"] = "Warning" };

    public static async Task<int> RunAsync(Options options)
    {
        Wrk.EnsureInstalled();
        var seconds = TimeSpan.FromSeconds(options.Number("seconds", 10));
        var connections = options.Number("connections", 64);
        var threads = options.Number("threads", 100);
        var readers = options.Number("readers", 200);
        var rounds = options.Number("rounds", 5);
        Console.WriteLine($"Scale-out: {threads} threads of 6 posts, wrk {connections} connections for {seconds.TotalSeconds:F0} s per figure, "
            + $"{readers} live readers for {rounds} rounds, {Environment.ProcessorCount} cores");

        Throughput sqlite;
        Latency single;
        await using (var server = await ForumServer.StartNewAsync(s_quiet))
        {
            var (member, paths) = await FillAsync(server, threads);
            sqlite = await MeasurePagesAsync(server.BaseUrl, paths, connections, seconds);
            single = await MeasureLiveAsync(member, paths[0], server, readers, rounds);
            member.Dispose();
        }

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-scaleout-" + Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.CreatePostgres(folder);
        Throughput postgres, oneBehindNginx, twoBehindNginx;
        Latency sameInstance, acrossInstances;
        await using (var a = await ForumServer.StartNewAsync(s_quiet, database))
        {
            var (member, paths) = await FillAsync(a, threads);
            postgres = await MeasurePagesAsync(a.BaseUrl, paths, connections, seconds);
            await using (var nginx = await NginxProcess.StartAsync([a.Port]))
            {
                oneBehindNginx = await MeasurePagesAsync(nginx.BaseUrl, paths, connections, seconds);
            }
            await using var b = await ForumServer.StartNewAsync(s_quiet, database);
            await using (var nginx = await NginxProcess.StartAsync([a.Port, b.Port]))
            {
                twoBehindNginx = await MeasurePagesAsync(nginx.BaseUrl, paths, connections, seconds);
            }
            sameInstance = await MeasureLiveAsync(member, paths[0], a, readers, rounds);
            acrossInstances = await MeasureLiveAsync(member, paths[0], b, readers, rounds);
            member.Dispose();
        }
        Directory.Delete(folder, recursive: true);

        Console.WriteLine("Anonymous thread pages (cache hits across all threads):");
        Console.WriteLine($"  SQLite, one instance:                    {sqlite}");
        Console.WriteLine($"  PostgreSQL + Redis cache, one instance:  {postgres}");
        Console.WriteLine($"  one instance behind nginx:               {oneBehindNginx}");
        Console.WriteLine($"  two instances behind nginx:              {twoBehindNginx}");
        Console.WriteLine("Live reply delivery to every reader:");
        Console.WriteLine($"  single instance (SQLite, no Redis):      {single}");
        Console.WriteLine($"  PostgreSQL + Redis, same instance:       {sameInstance}");
        Console.WriteLine($"  through the backplane, other instance:   {acrossInstances}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Ratios:
              PostgreSQL / SQLite throughput:            {postgres.RequestsPerSecond / sqlite.RequestsPerSecond:F2}
              two instances / one behind nginx:          {twoBehindNginx.RequestsPerSecond / oneBehindNginx.RequestsPerSecond:F2}
              backplane / single instance delivery p50:  {acrossInstances.P50 / single.P50:F2}  p99 {acrossInstances.P99 / single.P99:F2}
            """));
        return 0;
    }

    /// <summary>Threads, each an opening post and five replies, by one member; returns the member and the thread paths.</summary>
    private static async Task<(ForumClient Member, List<string> Paths)> FillAsync(ForumServer server, int threads)
    {
        var member = await ForumClient.CreateConfirmedMemberAsync(server);
        var topics = new[] { "injections", "biologics", "surgical-referral", "rehab" };
        var paths = new List<string>();
        for (var i = 0; i < threads; i++)
        {
            var path = await member.StartThreadAsync(topics[i % topics.Length], $"Benchmark story {i}: my treatment so far",
                "Six weeks after the injection the shoulder pain eased; the physio plan did the rest.");
            var threadId = int.Parse(path.Split('/')[2], CultureInfo.InvariantCulture);
            for (var reply = 0; reply < 5; reply++)
            {
                var send = await member.PrepareReplyAsync(path, threadId, $"Reply {reply}: the same happened to me, and rehab helped most.");
                await send();
            }
            paths.Add(path);
        }
        return (member, paths);
    }

    /// <summary>A short warm-up (it fills the page cache), then the measured run.</summary>
    private static async Task<Throughput> MeasurePagesAsync(string baseUrl, List<string> paths, int connections, TimeSpan duration)
    {
        await Wrk.RunAsync(baseUrl, paths, connections, TimeSpan.FromSeconds(2));
        return await Wrk.RunAsync(baseUrl, paths, connections, duration);
    }

    /// <summary>Readers on <paramref name="readersOn"/>; each round a reply posted by the member's own instance.</summary>
    private static async Task<Latency> MeasureLiveAsync(ForumClient member, string threadPath, ForumServer readersOn, int readers, int rounds)
    {
        var threadId = int.Parse(threadPath.Split('/')[2], CultureInfo.InvariantCulture);
        var probe = new LiveDeliveryBenchmark.Probe(readers);
        await using var connections = await Readers.OpenAsync(readers, readersOn.BaseUrl + "/hubs/forum",
            c => c.On<JsonElement>("PostAdded", post => probe.Received(post.GetProperty("html").GetString()!.Length)),
            c => c.InvokeAsync<int>("JoinThread", threadId));
        for (var round = 0; round < rounds; round++)
        {
            var reply = await member.PrepareReplyAsync(threadPath, threadId, $"Live round {round}: the backplane carried this.");
            await probe.MeasureAsync(reply);
        }
        return Latency.From(probe.Samples);
    }
}
