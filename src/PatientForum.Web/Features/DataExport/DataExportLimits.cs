using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.DataExport;

/// <summary>
/// Forum:Export:PerDay exports per member in 24 hours (off with Forum:RateLimits:Enabled=false), counted in this process
/// or, with Forum:Redis set, in Redis for every instance: each export reads everything the member ever wrote.
/// </summary>
public sealed class DataExportLimits(MemberRateWindows windows, IOptions<DataExportOptions> exports, IOptions<RateLimitOptions> limits)
{
    private const string Policy = "data-export";

    /// <summary>How long the member must wait before asking again, or null when they may ask now (the permit is then used).</summary>
    public async ValueTask<TimeSpan?> TakeAsync(string memberId, CancellationToken cancellationToken)
    {
        if (!limits.Value.Enabled)
        {
            return null;
        }
        return await windows.TakeAsync(Policy, memberId, exports.Value.PerDay, TimeSpan.FromDays(1), cancellationToken);
    }
}
