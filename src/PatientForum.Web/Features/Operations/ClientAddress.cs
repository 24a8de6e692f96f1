using System.Net;
using Microsoft.Extensions.Options;

namespace PatientForum.Web.Features.Operations;

/// <summary>
/// Who is asking, for the endpoints that answer some addresses more than others. The forwarded-headers middleware has
/// already put the client's address in place when the request came through a known proxy (<c>Forum:Proxy</c>), and
/// removed the header it read. A forwarded header still there came through a proxy the forum does not trust, or from
/// a client making one up: such a request is from nobody in particular, so a proxy on the same machine that nobody
/// configured never makes every visitor look like loopback.
/// </summary>
public static class ClientAddress
{
    /// <summary>The client's address, or null when it cannot be told (see above).</summary>
    public static IPAddress? Of(HttpContext context)
    {
        var forwarded = context.RequestServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (context.Request.Headers.ContainsKey(forwarded.ForwardedForHeaderName))
        {
            return null;
        }
        var remote = context.Connection.RemoteIpAddress;
        return remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote;
    }

    public static bool IsLoopback(HttpContext context) => Of(context) is { } address && IPAddress.IsLoopback(address);

    public static bool IsIn(HttpContext context, IReadOnlyList<System.Net.IPNetwork> networks) =>
        Of(context) is { } address && networks.Any(network => network.Contains(address));
}
