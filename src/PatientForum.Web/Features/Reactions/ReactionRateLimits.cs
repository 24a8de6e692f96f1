using System.Security.Claims;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Reactions;

/// <summary>
/// Forum:RateLimits:ReactionsPerMinute reactions given or taken back per member a minute (staff exempt, off with
/// Enabled=false), counted like the posting limits: in this process or, with Forum:Redis set, in Redis. Taking a
/// reaction back counts too, so pressing a button over and over cannot flood the thread's readers with pushes.
/// </summary>
public sealed class ReactionRateLimits(MemberRateWindows windows, IOptionsMonitor<RateLimitOptions> options)
{
    private const string Policy = "reaction";

    /// <summary>How long <paramref name="member"/> must wait before reacting again; null when they may now (the permit is then used).</summary>
    public async ValueTask<TimeSpan?> TakeAsync(ClaimsPrincipal member, CancellationToken cancellationToken)
    {
        var memberId = member.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!options.CurrentValue.Enabled || memberId is null || Viewer.IsStaff(member))
        {
            return null;
        }
        return await windows.TakeAsync(Policy, memberId, options.CurrentValue.ReactionsPerMinute, TimeSpan.FromMinutes(1), cancellationToken);
    }
}
