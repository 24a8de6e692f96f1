using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PatientForum.Benchmarks;

/// <summary>Throughput and latency of one load, as wrk measured it.</summary>
public sealed record Throughput(double RequestsPerSecond, double P50, double P99, long Errors)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RequestsPerSecond,9:F0} req/s  p50={P50,7:F2} ms  p99={P99,7:F2} ms  errors={Errors}");
}

/// <summary>
/// Runs wrk (Debian's <c>wrk</c> package) against loopback, cycling through the given paths, and reads back its
/// figures. Non-2xx answers count as errors.
/// </summary>
public static partial class Wrk
{
    public static Task<Throughput> RunAsync(string baseUrl, IReadOnlyList<string> paths, int connections, TimeSpan duration)
    {
        var lua = new StringBuilder("local paths = {\n");
        foreach (var path in paths)
        {
            lua.Append("  ").Append(LuaString(path)).Append(",\n");
        }
        lua.Append("""
            }
            local i = 0
            request = function()
              i = i % #paths + 1
              return wrk.format("GET", paths[i])
            end
            """);
        return RunScriptAsync(baseUrl, lua.ToString(), connections, duration);
    }

    /// <summary>Runs wrk with a Lua script of the caller's (which defines <c>request</c>), on two threads as every figure does.</summary>
    public static async Task<Throughput> RunScriptAsync(string baseUrl, string lua, int connections, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"patientforum-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, lua);
        try
        {
            var start = new ProcessStartInfo("wrk")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--threads", "2", "--connections", connections.ToString(CultureInfo.InvariantCulture),
                "--duration", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "--latency", "--script", script, baseUrl,
            })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}{output}");
            }
            return Parse(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>A Lua string literal holding <paramref name="value"/>.</summary>
    public static string LuaString(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    /// <summary>Fails early, with the install line, when wrk is missing.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            throw new InvalidOperationException("wrk is not installed: sudo apt-get install wrk");
        }
    }

    private static Throughput Parse(string output)
    {
        var rps = double.Parse(RequestsPattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccessPattern().Match(output) is { Success: true } non ? long.Parse(non.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrorsPattern().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new Throughput(rps, Percentile(output, "50"), Percentile(output, "99"), errors);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessPattern();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrorsPattern();
}
