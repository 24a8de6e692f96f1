using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PatientForum.Benchmarks;

/// <summary>The page figures of one run, each against its target, as console lines and as docs/benchmarks.md's section.</summary>
public sealed class PagesReport(PagesBenchmark.Run run, int users, int small, int large)
{
    public const string StartMarker = "<!-- pages benchmark: written by `PatientForum.Benchmarks pages`; do not edit by hand -->";
    public const string EndMarker = "<!-- end of pages benchmark -->";

    public Throughput Hello { get; set; } = null!;
    public Throughput SameSize { get; set; } = null!;
    public Throughput ThreadHit { get; set; } = null!;
    public Throughput ThreadMiss { get; set; } = null!;
    public Throughput ThreadMissLarge { get; set; } = null!;
    public Throughput TopicHit { get; set; } = null!;
    public Throughput TopicMiss { get; set; } = null!;
    public ReplyLoad.Result Replies { get; set; } = null!;
    public double RawInserts { get; set; }
    public int PageBytes { get; set; }
    public bool FreshAfterReply { get; set; }
    public bool Published { get; init; }
    public TimeSpan StartupSmall { get; set; }
    public TimeSpan StartupLarge { get; set; }
    public Dictionary<string, double> PeakWorkingSet { get; } = [];

    public string Heading => Invariant($"Pages: the forum {(Published ? "published (Release, ReadyToRun)" : "from its Release build")}; wrk {run.Connections} connections, {run.Duration.TotalSeconds:F0} s per figure after {run.WarmUp.TotalSeconds:F0} s of warm-up, each forum process driven for {run.ForumWarmUp.TotalSeconds:F0} s first; {users} members replying through wrk; {small:N0} and {large:N0} posts; {Machine()}");

    public List<string> Lines()
    {
        var growth = ThreadMissLarge.P99 / ThreadMiss.P99;
        var peak = PeakWorkingSet.Values.Max();
        return
        [
            Heading,
            $"  H  bare Kestrel, \"Hello, World!\":               {Hello}",
            $"  S  bare Kestrel, {PageBytes,6:N0} bytes:                {SameSize}",
            $"  1  thread page, cache hit:                      {ThreadHit}",
            Invariant($"       ratio to S {ThreadHit.RequestsPerSecond / SameSize.RequestsPerSecond:F2}, to H {ThreadHit.RequestsPerSecond / Hello.RequestsPerSecond:F2}   target >= 0.70 x S: {Met(ThreadHit.RequestsPerSecond >= 0.7 * SameSize.RequestsPerSecond)}"),
            Invariant($"       a reply posted during this load was on the very next anonymous request: {(FreshAfterReply ? "yes" : "NO")}"),
            $"  2  thread page, cache miss (cache off):         {ThreadMiss}",
            Invariant($"       ratio to H {ThreadMiss.RequestsPerSecond / Hello.RequestsPerSecond:F3}   target >= 0.15 x H: {Met(ThreadMiss.RequestsPerSecond >= 0.15 * Hello.RequestsPerSecond)}"),
            $"  3  topic page, cache hit:                       {TopicHit}",
            $"     topic page, cache miss (cache off):          {TopicMiss}",
            Invariant($"  4  replies, {users} signed-in members:        {Replies.RepliesPerSecond,9:F0} replies/s  p50={Replies.Latency.P50,7:F2} ms  p99={Replies.Latency.P99,7:F2} ms  errors={Replies.Failures}"),
            Invariant($"       raw ADO.NET inserts into the same file: {RawInserts,9:F0} rows/s; ratio {Replies.RepliesPerSecond / RawInserts:F3}   target >= 1000 replies/s: {Met(Replies.RepliesPerSecond >= 1000)}"),
            $"  5  thread page, cache miss, {large,9:N0} posts: {ThreadMissLarge}",
            Invariant($"       p99 at {large:N0} / p99 at {small:N0} posts = {growth:F2}   target <= 1.3: {Met(growth <= 1.3)}"),
            .. PeakWorkingSet.Select(p => Invariant($"  6  peak working set (VmHWM), {p.Key}: {p.Value:F0} MiB")),
            Invariant($"       largest {peak:F0} MiB   target <= 400 MB: {Met(peak * 1.048576 <= 400)}"),
            Invariant($"  start-up to the first 200: {StartupSmall.TotalSeconds:F1} s at {small:N0} posts, {StartupLarge.TotalSeconds:F1} s at {large:N0} posts   target about 2 s: {Met(StartupLarge.TotalSeconds <= 2.2)}"),
        ];
    }

    public string Markdown(IEnumerable<string> lines) => new StringBuilder()
        .AppendLine(StartMarker)
        .AppendLine("## Pages (`pages`)")
        .AppendLine()
        .AppendLine(Invariant($"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. {Machine()}."))
        .AppendLine()
        .AppendLine("| Machine | |")
        .AppendLine("|---|---|")
        .AppendLine(Invariant($"| Cores | {Environment.ProcessorCount} ({CpuModel()}) |"))
        .AppendLine(Invariant($"| Memory | {MemoryGiB():F1} GiB |"))
        .AppendLine(Invariant($"| OS | {OsName()} |"))
        .AppendLine(Invariant($"| .NET | {RuntimeInformation.FrameworkDescription} |"))
        .AppendLine()
        .AppendLine("| Figure | What | req/s | p50 ms | p99 ms | Reported as | Target | Met |")
        .AppendLine("|---|---|---:|---:|---:|---|---|---|")
        .AppendLine(Row("H", "bare Kestrel, \"Hello, World!\"", Hello, "baseline", "", ""))
        .AppendLine(Row("S", Invariant($"bare Kestrel, {PageBytes:N0} bytes (mean thread page)"), SameSize, "baseline", "", ""))
        .AppendLine(Row("1", "thread page, cache hit", ThreadHit, Invariant($"{ThreadHit.RequestsPerSecond / SameSize.RequestsPerSecond:F2} × S, {ThreadHit.RequestsPerSecond / Hello.RequestsPerSecond:F2} × H"), "≥ 0.70 × S", Met(ThreadHit.RequestsPerSecond >= 0.7 * SameSize.RequestsPerSecond)))
        .AppendLine(Row("2", "thread page, cache miss (page cache off)", ThreadMiss, Invariant($"{ThreadMiss.RequestsPerSecond / Hello.RequestsPerSecond:F3} × H"), "≥ 0.15 × H", Met(ThreadMiss.RequestsPerSecond >= 0.15 * Hello.RequestsPerSecond)))
        .AppendLine(Row("3", "topic page, cache hit", TopicHit, "", "", ""))
        .AppendLine(Row("3", "topic page, cache miss (page cache off)", TopicMiss, "", "", ""))
        .AppendLine(Invariant($"| 4 | reply POST, {users} signed-in members | {Replies.RepliesPerSecond:F0} | {Replies.Latency.P50:F2} | {Replies.Latency.P99:F2} | {Replies.RepliesPerSecond / RawInserts:F3} × raw ADO.NET inserts ({RawInserts:F0}/s) | ≥ 1000 replies/s | {Met(Replies.RepliesPerSecond >= 1000)} |"))
        .AppendLine(Row("5", Invariant($"thread page, cache miss, {large:N0} posts"), ThreadMissLarge, Invariant($"p99 {ThreadMissLarge.P99 / ThreadMiss.P99:F2} × p99 at {small:N0}"), "≤ 1.3", Met(ThreadMissLarge.P99 / ThreadMiss.P99 <= 1.3)))
        .AppendLine(Invariant($"| 6 | peak working set of the forum process | | | | {PeakWorkingSet.Values.Max():F0} MiB | ≤ 400 MB | {Met(PeakWorkingSet.Values.Max() * 1.048576 <= 400)} |"))
        .AppendLine(Invariant($"| – | start-up to the first 200 | | | | {StartupSmall.TotalSeconds:F1} s at {small:N0} posts, {StartupLarge.TotalSeconds:F1} s at {large:N0} | about 2 s | {Met(StartupLarge.TotalSeconds <= 2.2)} |"))
        .AppendLine()
        .AppendLine("The harness's own output:")
        .AppendLine()
        .AppendLine("```")
        .AppendJoin(Environment.NewLine, lines).AppendLine()
        .AppendLine("```")
        .AppendLine(EndMarker)
        .ToString();

    /// <summary>Puts <paramref name="section"/> between the markers, or before the first section when there are none yet.</summary>
    public static string ReplaceSection(string document, string section)
    {
        var start = document.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            var after = document.IndexOf('\n', end) is var newline and >= 0 ? newline + 1 : document.Length;
            return document[..start] + section + document[after..];
        }
        var first = document.IndexOf("\n## ", StringComparison.Ordinal);
        return first < 0 ? document + Environment.NewLine + section : document[..(first + 1)] + section + Environment.NewLine + document[(first + 1)..];
    }

    private static string Row(string figure, string what, Throughput t, string reported, string target, string met) =>
        Invariant($"| {figure} | {what} | {t.RequestsPerSecond:F0} | {t.P50:F2} | {t.P99:F2} | {reported}{(t.Errors > 0 ? $" ({t.Errors} errors)" : "")} | {target} | {met} |");

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Machine() => Invariant($"{Environment.ProcessorCount} cores, {MemoryGiB():F1} GiB, {OsName()}, {RuntimeInformation.FrameworkDescription}");

    private static double MemoryGiB() => ProcField("/proc/meminfo", "MemTotal:") is { } kb
        ? double.Parse(kb.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) / (1024 * 1024)
        : double.NaN;

    private static string CpuModel() => ProcField("/proc/cpuinfo", "model name")?.TrimStart(':', ' ', '\t') ?? "unknown CPU";

    private static string OsName() => ProcField("/etc/os-release", "PRETTY_NAME=")?.Trim('"') ?? RuntimeInformation.OSDescription;

    private static string? ProcField(string file, string prefix) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim() : null;
}
