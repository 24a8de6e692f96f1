using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PatientForum.Web;
using PatientForum.Web.Data;
using PatientForum.Web.Features.CommandLine;

namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// Runs the forum's command-line commands against a test forum's data folder and database: in this process, on a
/// host of its own built as Program builds it (its own services, caches and connections, so the running forum is
/// reached only through the database, as from another process), or as a real process, as the README's dotnet run does.
/// Starting a process costs seconds of JIT on a busy machine, so one test proves the process path and the rest run here.
/// </summary>
public static class ForumCommandLine
{
    /// <summary>Only a safety net for a command that hangs; a slow start on a busy machine is not a failure.</summary>
    private static readonly TimeSpan s_processTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs a command against a test forum's data folder and database, in this process.</summary>
    public static Task<CommandResult> RunAsync(ForumFactory forum, params string[] args) =>
        RunAsync(forum.DataDirectory, forum.Database.EnvironmentSettings, args);

    /// <summary>
    /// Runs a command in this process, on a host built from the settings a process would get as environment variables
    /// (<paramref name="settings"/>), with no settings file, as from a folder without one.
    /// </summary>
    public static async Task<CommandResult> RunAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", "cli-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = ["--hostBuilder:reloadConfigOnChange=false"],
                ContentRootPath = contentRoot,
                EnvironmentName = "Production",
            });
            var configuration = settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
            configuration["Forum:DataDirectory"] = dataDirectory;
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders();
            builder.AddForum();
            await using var app = builder.Build();
            await ForumDatabase.MigrateAndSeedAsync(app.Services);
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            using var error = new StringWriter(CultureInfo.InvariantCulture);
            var exitCode = await ForumCommands.RunAsync(app.Services, args, output, error);
            return new CommandResult(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    /// <summary>Runs a command as its own process, as <c>dotnet run</c> does.</summary>
    public static Task<CommandResult> RunProcessAsync(ForumFactory forum, params string[] args) =>
        RunProcessAsync(forum.DataDirectory, forum.Database.EnvironmentSettings, args);

    public static async Task<CommandResult> RunProcessAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings, params string[] args)
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
            return new CommandResult(process.ExitCode, await output, await error);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}

public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}stdout: {Output}{Environment.NewLine}stderr: {Error}";
}
