using System.Globalization;

namespace PatientForum.Benchmarks;

/// <summary>
/// The page figures of the performance issue in one run: the forum in Release as its own process on copies of the
/// generated corpora, against two bare Kestrel baselines (H: "Hello, World!"; S: a byte array the size of the thread
/// page), each also its own process. Prints every figure against its target and writes its section of
/// docs/benchmarks.md.
/// </summary>
public static class PagesBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        Wrk.EnsureInstalled();
        var quick = options.Text("quick") is not null;
        var run = new Run(
            TimeSpan.FromSeconds(options.Number("seconds", quick ? 3 : 10)),
            TimeSpan.FromSeconds(quick ? 1 : 2),
            options.Number("connections", 64))
        {
            ForumWarmUp = TimeSpan.FromSeconds(options.Number("warm-up", quick ? 3 : 30)),
            ReplyWarmUp = TimeSpan.FromSeconds(quick ? 3 : 10),
        };
        var users = options.Number("users", 16);
        var dataRoot = options.Text("data") ?? Path.Combine(RepoPaths.Root, "artifacts", "benchmark-data");
        var small = options.Number("small", 10_000);
        var large = options.Number("large", quick ? 100_000 : 1_000_000);
        var smallFolder = await CorpusGenerator.EnsureAsync(dataRoot, small);
        var largeFolder = await CorpusGenerator.EnsureAsync(dataRoot, large);
        var assembly = options.Text("no-publish") is null ? await PublishAsync() : null;
        var report = new PagesReport(run, users, small, large) { Published = assembly is not null };
        Console.WriteLine("Measuring the page figures …");

        await using (var hello = await BareHubProcess.StartAsync("bare-page"))
        {
            report.Hello = await run.MeasureAsync(hello.BaseUrl, ["/"]);
        }

        await using (var forum = await CorpusForum.StartAsync(smallFolder, pageCache: true, threads: 200, assembly))
        {
            report.StartupSmall = forum.StartupTime;
            report.PageBytes = await MeanPageSizeAsync(forum.Server.BaseUrl, forum.ThreadPaths);
            var members = await ReplyLoad.SignInMembersAsync(forum.Server, users);
            await run.WarmUpForumAsync(forum);
            var hit = run.MeasureAsync(forum.Server.BaseUrl, forum.ThreadPaths);
            report.FreshAfterReply = await ReplyShowsAtOnceAsync(forum, members[0], run.WarmUp + (run.Duration / 2));
            report.ThreadHit = await hit;
            report.TopicHit = await run.MeasureAsync(forum.Server.BaseUrl, CorpusForum.TopicPaths);
            Console.WriteLine("  figure 4: replies …");
            report.Replies = await ReplyLoad.RunAsync(forum.Server, members, ReplyThreads(forum), run.Duration, run.ReplyWarmUp);
            report.PeakWorkingSet["page cache on, reads and replies"] = forum.PeakWorkingSetMiB();
            members.ForEach(m => m.Dispose());
            await forum.Server.StopAsync();
            report.RawInserts = await ReplyLoad.RawInsertsPerSecondAsync(Path.Combine(forum.Server.DataDirectory, "forum.db"), run.Duration);
        }

        await using (var same = await BareHubProcess.StartAsync("bare-page", "--size", report.PageBytes.ToString(CultureInfo.InvariantCulture)))
        {
            report.SameSize = await run.MeasureAsync(same.BaseUrl, ["/"]);
        }

        await using (var forum = await CorpusForum.StartAsync(smallFolder, pageCache: false, threads: 200, assembly))
        {
            await run.WarmUpForumAsync(forum);
            report.ThreadMiss = await run.MeasureAsync(forum.Server.BaseUrl, forum.ThreadPaths);
            report.TopicMiss = await run.MeasureAsync(forum.Server.BaseUrl, CorpusForum.TopicPaths);
            report.PeakWorkingSet[$"page cache off, {small:N0} posts"] = forum.PeakWorkingSetMiB();
        }

        await using (var forum = await CorpusForum.StartAsync(largeFolder, pageCache: false, threads: 200, assembly))
        {
            report.StartupLarge = forum.StartupTime;
            await run.WarmUpForumAsync(forum);
            report.ThreadMissLarge = await run.MeasureAsync(forum.Server.BaseUrl, forum.ThreadPaths);
            report.PeakWorkingSet[$"page cache off, {large:N0} posts"] = forum.PeakWorkingSetMiB();
        }

        var lines = report.Lines();
        lines.ForEach(Console.WriteLine);
        if (options.Text("no-write") is null)
        {
            var doc = Path.Combine(RepoPaths.Root, "docs", "benchmarks.md");
            await File.WriteAllTextAsync(doc, PagesReport.ReplaceSection(await File.ReadAllTextAsync(doc), report.Markdown(lines)));
            Console.WriteLine($"Wrote the pages section of {doc}");
        }
        return 0;
    }

    /// <summary>wrk settings shared by every figure: a warm-up (which also fills the page cache), then the measured run.</summary>
    public sealed record Run(TimeSpan Duration, TimeSpan WarmUp, int Connections)
    {
        /// <summary>How long each forum process is driven before its first figure.</summary>
        public TimeSpan ForumWarmUp { get; init; }

        public async Task<Throughput> MeasureAsync(string baseUrl, IReadOnlyList<string> paths)
        {
            await Wrk.RunAsync(baseUrl, paths, Connections, WarmUp);
            return await Wrk.RunAsync(baseUrl, paths, Connections, Duration);
        }

        /// <summary>The reply load's own warm-up before figure 4, which also JIT-compiles the posting path.</summary>
        public TimeSpan ReplyWarmUp { get; init; }

        /// <summary>
        /// Every figure is the forum's steady state: a process just started runs ReadyToRun code that the JIT has
        /// not yet recompiled for the load (tiered compilation), and the first figure would otherwise pay for that.
        /// The warm-up drives the pages every figure reads. Replies are warmed up just before figure 4, after the
        /// read figures: right after a burst of replies, cache hits ran about a fifth slower for some seconds.
        /// </summary>
        public async Task WarmUpForumAsync(CorpusForum forum)
        {
            Console.WriteLine($"  warming up the forum for {ForumWarmUp.TotalSeconds:F0} s …");
            await Wrk.RunAsync(forum.Server.BaseUrl, [.. forum.ThreadPaths, .. CorpusForum.TopicPaths], Connections, ForumWarmUp);
        }
    }

    /// <summary>
    /// Publishes the forum as a deployment would (Release, ReadyToRun, framework-dependent) and returns its assembly.
    /// ReadyToRun compiles ahead of time what would otherwise be JIT-compiled at start-up.
    /// </summary>
    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(RepoPaths.Root, "artifacts", "pages-publish");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "publish", RepoPaths.WebProject, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "quiet",
        })
        {
            start.ArgumentList.Add(arg);
        }
        Console.WriteLine($"Publishing the forum (Release, ReadyToRun) to {output} …");
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var log = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? Path.Combine(output, "PatientForum.Web.dll") : throw new InvalidOperationException("dotnet publish failed:\n" + log);
    }

    private static async Task<int> MeanPageSizeAsync(string baseUrl, IReadOnlyList<string> paths)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        long total = 0;
        foreach (var path in paths)
        {
            total += (await http.GetByteArrayAsync(new Uri(path, UriKind.Relative))).Length;
        }
        return (int)(total / paths.Count);
    }

    /// <summary>
    /// The threads the reply load posts to: the second half of the read set, so that the thread the freshness check
    /// replies to still takes its reply on the page a visitor opens (a thread grown by the load has more pages).
    /// </summary>
    private static List<string> ReplyThreads(CorpusForum forum) => forum.ThreadPaths.Skip(forum.ThreadPaths.Count / 2).ToList();

    /// <summary>During the cache-hit load, a member replies; the very next anonymous request must show the reply.</summary>
    private static async Task<bool> ReplyShowsAtOnceAsync(CorpusForum forum, ForumClient member, TimeSpan after)
    {
        await Task.Delay(after);
        var path = forum.ThreadPaths[0];
        var marker = $"fresh-{Guid.NewGuid():N}";
        var send = await member.PrepareReplyAsync(path, int.Parse(path.Split('/')[2], CultureInfo.InvariantCulture), $"Posted under load: {marker}");
        await send();
        using var visitor = ForumClient.Visitor(forum.Server);
        var html = (await visitor.GetAsync(path)).Text;
        return html.Contains(marker, StringComparison.Ordinal);
    }
}
