using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Redis;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// At most Forum:RateLimits:AccountMailsPerAddressPerHour account mails (confirmation, password reset, "someone
/// tried to register") to one address per hour, so the forms cannot be used to bomb someone's inbox or spend the
/// sender reputation that self-harm alerts depend on. Over the limit the mail is quietly not sent: the page
/// answers as always, so it tells nobody whether the address has an account. Counted in this process or, with
/// Forum:Redis set, in Redis, shared by every instance. Hours are counted on the app's <see cref="TimeProvider"/>.
/// </summary>
public sealed class AccountMailLimits(RedisRateLimits shared, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private const string Policy = "account-mail";
    private static readonly TimeSpan s_window = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _counts = [];

    /// <summary>True when one more mail may go to <paramref name="address"/> now (the permit is then used).</summary>
    public async Task<bool> TryTakeAsync(string address)
    {
        var limits = options.Value;
        if (!limits.Enabled)
        {
            return true;
        }
        var window = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)s_window.TotalMilliseconds;
        var partition = Partition(address);
        if (shared.IsEnabled)
        {
            var count = await shared.IncrementAsync(Policy, $"{partition}:{window.ToString(CultureInfo.InvariantCulture)}", s_window);
            return count is null || count <= limits.AccountMailsPerAddressPerHour;
        }
        lock (_gate)
        {
            if (_counts.Count > 10_000)
            {
                // Addresses from earlier hours are done with; this keeps the table to about one hour's worth.
                foreach (var stale in _counts.Where(c => c.Value.Window != window).Select(c => c.Key).ToList())
                {
                    _counts.Remove(stale);
                }
            }
            var count = _counts.TryGetValue(partition, out var entry) && entry.Window == window ? entry.Count + 1 : 1;
            _counts[partition] = (window, count);
            return count <= limits.AccountMailsPerAddressPerHour;
        }
    }

    /// <summary>A hash of the address, so neither this process's memory nor Redis keys hold addresses.</summary>
    private static string Partition(string address) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToUpperInvariant())))[..32];
}
