using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace PatientForum.Benchmarks;

/// <summary>
/// Search latency through HTTP at growing forum sizes: a rare term, a common term, a phrase and a
/// filtered query, each timed over many requests. Reports p50/p95 per size and how p95 grows, then the
/// worst cases an anonymous caller could send (<see cref="WorstCases"/>).
/// </summary>
public static class SearchBenchmark
{
    public static readonly (string Name, string Query)[] Queries =
    [
        ("rare term", $"q={CorpusGenerator.RareTerm}"),
        ("common term", "q=pain"),
        ("two words", "q=PRP+shoulder"),
        ("phrase", "q=%22trigger+point%22"),
        ("filtered", "q=injection&topic=biologics&from=2025-01-01&to=2026-12-31&author=Patient+0042"),
        ("topic filter", "q=pain&topic=rehab"),
    ];

    /// <summary>
    /// What an anonymous caller could send to make search expensive: one-letter prefixes (searched as whole words,
    /// since a prefix needs three letters), three-letter prefixes (read from FTS5's prefix index), and a dozen
    /// common words. A search stopped at Forum:Search:TimeoutMilliseconds answers 503, counted separately.
    /// </summary>
    public static readonly (string Name, string Query)[] WorstCases =
    [
        ("12 one-letter*", "q=" + string.Join('+', "abcdefghijkl".Select(c => c + "*"))),
        ("12 three-letter*", "q=" + string.Join('+', new[] { "pai", "inj", "sho", "kne", "tri", "poi", "phy", "the", "wee", "mon", "doc", "bac" }.Select(p => p + "*"))),
        ("12 common words", "q=pain+injection+shoulder+knee+trigger+point+physio+week+month+doctor+back+rest"),
        ("20 words, 12 kept", "q=" + string.Join('+', Enumerable.Repeat("pain+knee", 10))),
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var sizes = (options.Text("sizes") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var requests = options.Number("requests", 200);
        var dataRoot = options.Text("data") ?? Path.Combine(RepoPaths.Root, "artifacts", "benchmark-data");
        var postgres = string.Equals(options.Text("provider"), "postgres", StringComparison.OrdinalIgnoreCase);
        Console.WriteLine($"Search latency on {(postgres ? "PostgreSQL" : "SQLite")}: {requests} sequential requests per query after 20 warm-up requests, {Environment.ProcessorCount} cores");

        var p95BySize = new Dictionary<int, double>();
        foreach (var size in sizes)
        {
            var folder = await CorpusGenerator.EnsureAsync(dataRoot, size);
            var settings = postgres ? await PostgresCorpus.EnsureAsync(folder, size) : [];
            settings["Forum__DataDirectory"] = folder;
            settings["Logging__LogLevel__Default"] = "Warning";
            await using var forum = new ForumServer(settings);
            await forum.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(forum.BaseUrl) };
            var worst = 0.0;
            foreach (var (name, query) in Queries)
            {
                var latency = await MeasureAsync(http, "/search?" + query, requests);
                worst = Math.Max(worst, latency.P95);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size,9:N0} posts  {name,-13} p50 {latency.P50,7:F1} ms  p95 {latency.P95,7:F1} ms"));
            }
            p95BySize[size] = worst;
            foreach (var (name, query) in WorstCases)
            {
                var (latency, stopped) = await MeasureWorstAsync(http, "/search?" + query, requests);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {size,9:N0} posts  {name,-17} p50 {latency.P50,7:F1} ms  p95 {latency.P95,7:F1} ms  max {latency.Max,7:F1} ms  stopped at the time limit: {stopped}/{requests}"));
            }
        }
        if (p95BySize.Count > 1)
        {
            var smallest = p95BySize.Keys.Min();
            var largest = p95BySize.Keys.Max();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  growth: worst search p95 at {largest:N0} / at {smallest:N0} posts = {p95BySize[largest] / p95BySize[smallest]:F2}"));
        }
        return 0;
    }

    /// <summary>Like <see cref="MeasureAsync"/>, but a search stopped at the time limit (503) is counted, not a failure.</summary>
    private static async Task<(Latency Latency, int Stopped)> MeasureWorstAsync(HttpClient http, string path, int requests)
    {
        var samples = new List<double>(requests);
        var stopped = 0;
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                stopped++;
            }
            else
            {
                response.EnsureSuccessStatusCode();
            }
        }
        return (Latency.From(samples), stopped);
    }

    public static async Task<Latency> MeasureAsync(HttpClient http, string path, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        }
        var samples = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Latency.From(samples);
    }
}
