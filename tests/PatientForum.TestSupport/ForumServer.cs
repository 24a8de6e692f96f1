using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PatientForum.TestSupport;

/// <summary>
/// The forum as a real process on a loopback port, as a user runs it, so tests can stop it and start it
/// again on the same port with the same data.
/// </summary>
public sealed class ForumServer : IAsyncDisposable
{
    /// <summary>
    /// Only a safety net for a forum that hangs: a forum that fails exits, and is reported at once. Generous, so that a
    /// busy machine (browser tests run two forums' start-ups side by side) is never taken for a broken forum.
    /// </summary>
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);
    private readonly StringBuilder _log = new();
    private Process? _process;

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _ownsDatabase;

    /// <param name="settings">Configuration for the app, as environment variables (e.g. Forum__PostsPerPage).</param>
    /// <param name="database">
    /// The database to run on, when several servers share one; by default the server has its own
    /// (see <see cref="TestDatabase"/>), dropped when it is disposed.
    /// </param>
    public ForumServer(IReadOnlyDictionary<string, string>? settings = null, TestDatabase? database = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        DataDirectory = Path.Combine(Path.GetTempPath(), "patientforum-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _ownsDatabase = database is null;
        Database = database ?? TestDatabase.Create(DataDirectory);
        Port = FreePort();
    }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>
    /// The forum's assembly to run, e.g. from published output; by default the build in this program's configuration
    /// (<see cref="WebAssemblyPath"/>), started in the project folder as <c>dotnet run</c> does.
    /// </summary>
    public string? AssemblyPath { get; init; }

    /// <summary>The running forum's process id (for reading its memory from /proc), or null when it is stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } ? _process.Id : null;

    public MailPickup Mail => new(Path.Combine(DataDirectory, "mail-pickup"));

    /// <summary>What the server printed, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>A new server, started; disposed again if it does not start.</summary>
    public static async Task<ForumServer> StartNewAsync(IReadOnlyDictionary<string, string>? settings = null, TestDatabase? database = null)
    {
        var server = new ForumServer(settings, database);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AssemblyPath is null ? RepoPaths.WebProject : Path.GetDirectoryName(AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath ?? WebAssemblyPath());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["Forum__DataDirectory"] = DataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Scripted members post faster than people; the limits are tested on their own.
        start.Environment["Forum__RateLimits__Enabled"] = "false";
        // No inotify watch on the settings files: the suite's many forums would reach the system's limit on them.
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        // The run's verbose levels (checked for planted secrets afterwards), unless the test chose its own: a load
        // test keeps logging quiet so that writing logs is not what it measures.
        if (!_settings.Keys.Any(key => key.StartsWith("Logging__", StringComparison.Ordinal)))
        {
            foreach (var (key, value) in TestRunLog.LogLevels)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }
        foreach (var (key, value) in Database.EnvironmentSettings.Concat(_settings))
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The forum process did not start.");
        _process.OutputDataReceived += (_, e) => AppendServerOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => AppendServerOutput(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    /// <summary>Runs a command-line command of the app (e.g. users add-role) against this server's data; returns its exit code.</summary>
    public async Task<int> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.WebProject, UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(WebAssemblyPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Forum__DataDirectory"] = DataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in Database.EnvironmentSettings)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        // The same safety net as a start-up's: a command migrates and checks the database first, which on a busy
        // machine can take longer than a minute.
        using var timeout = new CancellationTokenSource(s_startTimeout);
        await process.WaitForExitAsync(timeout.Token);
        Append(await output);
        return process.ExitCode;
    }

    /// <summary>Stops the forum the hard way, as a crash or a pulled plug would: SIGKILL, no graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDatabase)
        {
            Database.Dispose();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + s_startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The forum exited with code {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + "/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The forum did not answer within {s_startTimeout.TotalSeconds} s:\n{Log}");
    }

    /// <summary>The forum's console log: kept for failure messages and written to the run's log.</summary>
    private void AppendServerOutput(string? line)
    {
        if (line is not null)
        {
            TestRunLog.Write(line);
        }
        Append(line);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>The web app built in the same configuration as the calling program (Debug or Release).</summary>
    /// <summary>The forum's built assembly, in the configuration this program was built in.</summary>
    public static string WebAssemblyPath()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var path = Path.Combine(RepoPaths.WebProject, "bin", configuration, framework.Name, "PatientForum.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the web project first.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
