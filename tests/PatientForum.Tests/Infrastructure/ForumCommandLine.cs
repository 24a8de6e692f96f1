using System.Diagnostics;

namespace PatientForum.Tests.Infrastructure;

/// <summary>Runs the forum's command-line commands as a real process, as the README's dotnet run does.</summary>
public static class ForumCommandLine
{
    private static readonly TimeSpan s_processTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs a command against a test forum's data folder and database.</summary>
    public static Task<ProcessResult> RunAsync(ForumFactory forum, params string[] args) =>
        RunAsync(forum.DataDirectory, forum.Database.EnvironmentSettings, args);

    public static async Task<ProcessResult> RunAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var workingDirectory = Path.Combine(Path.GetTempPath(), "patientforum-tests", "cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PatientForum.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Forum__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        // The working folder has no appsettings.json; without this every EF command is logged to stdout.
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            using var timeout = new CancellationTokenSource(s_processTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{string.Join(' ', args)}' ran longer than {s_processTimeout.TotalSeconds} s and was stopped.");
            }
            return new ProcessResult(process.ExitCode, await output, await error);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}

public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}stdout: {Output}{Environment.NewLine}stderr: {Error}";
}
