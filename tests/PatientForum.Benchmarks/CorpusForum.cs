using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PatientForum.Benchmarks;

/// <summary>
/// The forum started as its own Release process on a copy of a generated corpus (the cached corpus itself is never
/// written to), timed from process start to its first 200 answer.
/// </summary>
public sealed class CorpusForum : IAsyncDisposable
{
    private CorpusForum(ForumServer server, TimeSpan startup, IReadOnlyList<string> threadPaths)
    {
        Server = server;
        StartupTime = startup;
        ThreadPaths = threadPaths;
    }

    public ForumServer Server { get; }

    /// <summary>From starting the process until the home page first answered 200 (polled every 200 ms).</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Visible threads of 10 to 18 posts (one page each, with room for a reply), spread over the whole corpus (a fixed pseudo-random order).</summary>
    public IReadOnlyList<string> ThreadPaths { get; }

    public static readonly string[] TopicPaths = ["/t/injections", "/t/biologics", "/t/surgical-referral", "/t/rehab"];

    /// <summary>Starts the forum on a copy of the corpus; <paramref name="assembly"/> is its published assembly, or null for the Release build.</summary>
    public static async Task<CorpusForum> StartAsync(string corpusFolder, bool pageCache, int threads, string? assembly)
    {
        var server = new ForumServer(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__PageCacheEnabled"] = pageCache ? "true" : "false",
        })
        {
            AssemblyPath = assembly,
        };
        foreach (var file in Directory.GetFiles(corpusFolder, "forum.db*"))
        {
            var copy = Path.Combine(server.DataDirectory, Path.GetFileName(file));
            File.Copy(file, copy);

            // Written out now, not by the kernel during the measurement: at 1M posts that is gigabytes of writeback
            // competing with the forum for the two cores.
            using var written = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite);
            written.Flush(flushToDisk: true);
        }
        var paths = await ThreadPathsAsync(Path.Combine(server.DataDirectory, "forum.db"), threads);
        var watch = Stopwatch.StartNew();
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return new CorpusForum(server, watch.Elapsed, paths);
    }

    /// <summary>The app process's peak resident set (VmHWM), in MiB.</summary>
    public double PeakWorkingSetMiB()
    {
        var status = File.ReadAllLines($"/proc/{Server.ProcessId}/status");
        var line = status.Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static async Task<List<string>> ThreadPathsAsync(string database, int count)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id, Slug FROM Threads
            WHERE ReplyCount BETWEEN 9 AND 17 AND IsHidden = 0 AND SeedKey IS NULL
            ORDER BY (Id * 2654435761) % 1000003 LIMIT $count
            """;
        command.Parameters.AddWithValue("$count", count);
        var paths = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            paths.Add($"/threads/{reader.GetInt64(0)}/{reader.GetString(1)}");
        }
        return paths.Count > 0 ? paths : throw new InvalidOperationException($"No threads of 10-20 posts in {database}.");
    }
}
