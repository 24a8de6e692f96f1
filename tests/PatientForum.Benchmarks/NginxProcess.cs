using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PatientForum.Benchmarks;

/// <summary>
/// nginx (Debian's package) in front of forum instances, configured from docs/nginx.conf itself, with the upstream
/// addresses and the listening port swapped for this run's. Runs in the foreground as our child and is stopped by it.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static async Task<NginxProcess> StartAsync(IReadOnlyList<int> upstreamPorts)
    {
        if (!File.Exists("/usr/sbin/nginx"))
        {
            throw new InvalidOperationException("nginx is not installed: sudo apt-get install nginx");
        }
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-nginx-" + Guid.NewGuid().ToString("N"))).FullName;
        if (!OperatingSystem.IsWindows())
        {
            // nginx's workers run as an unprivileged user and write their temporary files here.
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        }
        var port = FreePort();
        var servers = string.Concat(upstreamPorts.Select(p => $"    server 127.0.0.1:{p};\n"));
        var site = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "nginx.conf")))
            .Replace("    server 127.0.0.1:5001;\n    server 127.0.0.1:5002;\n", servers, StringComparison.Ordinal)
            .Replace("listen 127.0.0.1:8080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("listen 127.0.0.1:8080 default_server;", $"listen 127.0.0.1:{port} default_server;", StringComparison.Ordinal)

            // wrk and the clients call nginx by its address, which the sample's default server refuses.
            .Replace("server_name forum.example.org;", "server_name forum.example.org 127.0.0.1;", StringComparison.Ordinal);
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes {{Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)}};
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{site}}
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", folder, "-c", config, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new NginxProcess(process, folder, port);
        using var http = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await process.StandardError.ReadToEndAsync());
            }
            try
            {
                using var response = await http.GetAsync(new Uri(nginx.BaseUrl + "/"));
                if (response.IsSuccessStatusCode)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await nginx.DisposeAsync();
        throw new TimeoutException("nginx did not answer.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
