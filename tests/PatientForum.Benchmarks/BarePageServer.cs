using System.Text;

namespace PatientForum.Benchmarks;

/// <summary>
/// The page baselines, run as their own process like the forum: a bare Kestrel app that answers every GET with
/// "Hello, World!" (H), or with a byte array of a given size (S, the size of the measured thread page).
/// </summary>
public static class BarePageServer
{
    public static async Task<int> RunAsync(Options options)
    {
        var port = options.Number("port", 5098);
        var size = options.Number("size", 0);
        var body = size > 0 ? Encoding.ASCII.GetBytes(new string('x', size)) : "Hello, World!"u8.ToArray();
        var contentType = size > 0 ? "text/html; charset=utf-8" : "text/plain";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/{**path}", () => Results.Bytes(body, contentType));
        await app.RunAsync();
        return 0;
    }
}
