using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PatientForum.Tests.Infrastructure;

/// <summary>A SignalR connection to the in-process forum's hub, anonymous or carrying a member's cookies.</summary>
public static class LiveClient
{
    public static async Task<HubConnection> ConnectAsync(ForumFactory factory, ForumClient? member = null, string? origin = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/forum"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (member is not null)
                {
                    options.Headers["Cookie"] = member.CookieHeader;
                }
                if (origin is not null)
                {
                    options.Headers["Origin"] = origin;
                }
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
