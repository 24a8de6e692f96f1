using Microsoft.AspNetCore.SignalR;

namespace PatientForum.Benchmarks;

/// <summary>
/// The baseline: a bare Kestrel app with a hub that only joins a group and broadcasts a payload of a
/// given size when an HTTP POST asks it to. Run as its own process, like the forum.
/// </summary>
public static class BareHubServer
{
    public const string GroupName = "readers";

    public static async Task<int> RunAsync(Options options)
    {
        var port = options.Number("port", 5099);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hub");
        app.MapPost("/broadcast/{size:int}", async (int size, IHubContext<BareHub> hub) =>
        {
            await hub.Clients.Group(GroupName).SendAsync("Message", new string('x', size));
            return Results.Ok();
        });
        app.MapGet("/", () => "bare hub");
        await app.RunAsync();
        return 0;
    }

    public sealed class BareHub : Hub
    {
        public Task Join() => Groups.AddToGroupAsync(Context.ConnectionId, GroupName);
    }
}
