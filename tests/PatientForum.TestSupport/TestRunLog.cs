using System.Text;

namespace PatientForum.TestSupport;

/// <summary>
/// Everything every test forum logs during a test run, in one folder, with the secrets the tests planted
/// (see <see cref="Canaries"/>). After the run, <c>tests/check-log-canaries.sh</c> reads the folder and fails
/// if any planted secret reached a log line. The folder is <c>FORUM_TEST_LOG_DIR</c> when set (tests/run.sh
/// sets one per pass), otherwise a new folder under the test output.
/// </summary>
public static class TestRunLog
{
    private static readonly Lock s_gate = new();
    private static readonly StreamWriter s_log;
    private static readonly StreamWriter s_canaries;

    static TestRunLog()
    {
        var configured = Environment.GetEnvironmentVariable("FORUM_TEST_LOG_DIR");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var root = Path.Combine(AppContext.BaseDirectory, "test-logs");
            RemoveOldRuns(root);
            Directory = Path.Combine(root, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        }
        else
        {
            Directory = configured;
        }
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        s_log = new StreamWriter(Path.Combine(Directory, $"app-{name}.log"), append: false, Encoding.UTF8);
        s_canaries = new StreamWriter(Path.Combine(Directory, $"canaries-{name}.tsv"), append: false, Encoding.UTF8) { AutoFlush = true };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Flush();
    }

    public static string Directory { get; }

    /// <summary>
    /// The log levels every test forum runs at: the most verbose the forum would plausibly be run at. The
    /// forum's own categories and ASP.NET Core at Debug, EF Core at Information (its commands, without
    /// parameter values: sensitive data logging is never on).
    /// </summary>
    public static IReadOnlyDictionary<string, string> LogLevels { get; } = new Dictionary<string, string>
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:PatientForum"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
    };

    /// <summary>Adds one log line (an in-process forum's, or a forum process's output).</summary>
    public static void Write(string line)
    {
        lock (s_gate)
        {
            s_log.WriteLine(line);
        }
    }

    public static void Flush()
    {
        lock (s_gate)
        {
            s_log.Flush();
        }
    }

    /// <summary>A full run logs tens of megabytes: keep only runs of the last hour (a parallel run's among them).</summary>
    private static void RemoveOldRuns(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            return;
        }
        foreach (var run in new DirectoryInfo(root).EnumerateDirectories())
        {
            if (run.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1))
            {
                try
                {
                    run.Delete(recursive: true);
                }
                catch (IOException)
                {
                    // Another run still has it open; the next run tries again.
                }
            }
        }
    }

    internal static void Planted(string kind, string secret)
    {
        lock (s_gate)
        {
            s_canaries.WriteLine($"{kind}\t{secret}");
        }
    }
}
