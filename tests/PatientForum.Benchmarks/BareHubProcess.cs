using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PatientForum.Benchmarks;

/// <summary>Starts this harness again as a baseline server (bare-hub by default, or bare-page), in its own process.</summary>
public sealed class BareHubProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BareHubProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<BareHubProcess> StartAsync(params string[] command)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BareHubProcess).Assembly.Location);
        }
        foreach (var arg in (command.Length > 0 ? command : ["bare-hub"]).Concat(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        var server = new BareHubProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var i = 0; i < 150; i++)
        {
            try
            {
                await http.GetStringAsync(new Uri(server.BaseUrl + "/"));
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        await server.DisposeAsync();
        throw new TimeoutException($"The baseline {string.Join(' ', command)} did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(timeout.Token);
        }
        _process.Dispose();
    }
}
