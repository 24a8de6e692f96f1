using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PatientForum.Web.Features.Operations;

/// <summary>The <c>Forum:Metrics</c> section: whether <c>/metrics</c> answers, and to whom.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string SectionName = "Forum:Metrics";

    private static readonly IPNetwork[] s_loopback = [new(IPAddress.Loopback, 8), new(IPAddress.IPv6Loopback, 128)];
    private IReadOnlyList<IPNetwork>? _networks;

    /// <summary>Serve <c>/metrics</c> in the Prometheus text format. Off (the default): it answers 404 and nothing is measured.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Client addresses (<c>10.0.0.5</c>) or ranges (<c>10.0.0.0/8</c>) that may read <c>/metrics</c>; everyone else gets
    /// 404. Empty: loopback only. Behind a proxy the client is the one the proxy names, and only when the proxy is in
    /// <c>Forum:Proxy:KnownProxies</c>.
    /// </summary>
    public IList<string> AllowedAddresses { get; } = [];

    /// <summary>
    /// The allowed ranges, parsed once; loopback when none is configured. A method, not a property, so that validation
    /// (which reads every property) reports a bad entry by its key before anything parses it.
    /// </summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks() => _networks ??= AllowedAddresses.Count == 0
        ? s_loopback
        : [.. AllowedAddresses.Select(address => TryParse(address) ?? throw new InvalidOperationException($"Forum:Metrics:AllowedAddresses holds '{address}'."))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedAddresses.Count; i++)
        {
            if (TryParse(AllowedAddresses[i]) is null)
            {
                yield return new ValidationResult(
                    $"Forum:Metrics:AllowedAddresses:{i} ('{AllowedAddresses[i]}') is neither an IP address nor a range such as 10.0.0.0/8.",
                    [nameof(AllowedAddresses)]);
            }
        }
    }

    private static IPNetwork? TryParse(string value)
    {
        if (IPAddress.TryParse(value, out var address) && !value.Contains('/', StringComparison.Ordinal))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        return IPNetwork.TryParse(value, out var network) ? network : null;
    }
}
