using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PatientForum.Web.Infrastructure.Options;

/// <summary>
/// The <c>Forum:Proxy</c> section: which reverse proxies may say who the client is. Behind nginx every request
/// comes from the proxy's address, so per-address limits (sign-in, contact) need the X-Forwarded-For it adds;
/// from anyone else that header is ignored, or a client could pick its own address.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "Forum:Proxy";

    /// <summary>Addresses of the proxies in front of the forum, e.g. 127.0.0.1. Empty: no forwarded header is trusted.</summary>
    public IList<string> KnownProxies { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult(
                $"Forum:Proxy:KnownProxies holds '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }
    }
}
