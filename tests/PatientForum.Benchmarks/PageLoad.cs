using System.Diagnostics;

namespace PatientForum.Benchmarks;

/// <summary>
/// A short closed-loop load without wrk: eight loops each send one GET and wait for its answer, for a fixed time after
/// a second of warm-up. The client shares the machine with the forum, so compare figures within one run.
/// </summary>
public static class PageLoad
{
    private const int Loops = 8;

    public static async Task<Throughput> RunAsync(string baseUrl, string path, int seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Loops, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
        };
        await DriveAsync(http, path, TimeSpan.FromSeconds(1), null);
        var samples = new List<double>[Loops];
        var errors = new long[Loops];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Loops).Select(async loop =>
        {
            samples[loop] = [];
            errors[loop] = await DriveAsync(http, path, TimeSpan.FromSeconds(seconds), samples[loop]);
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        var latency = Latency.From(all);
        return new Throughput(all.Count / elapsed, latency.P50, latency.P99, errors.Sum());
    }

    /// <summary>Requests <paramref name="path"/> until <paramref name="duration"/> has passed; returns the non-200 answers.</summary>
    private static async Task<long> DriveAsync(HttpClient http, string path, TimeSpan duration, List<double>? samples)
    {
        var errors = 0L;
        var until = Stopwatch.StartNew();
        while (until.Elapsed < duration)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            samples?.Add(watch.Elapsed.TotalMilliseconds);
            errors += response.IsSuccessStatusCode ? 0 : 1;
        }
        return errors;
    }
}
