using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Redis;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Reactions;

/// <summary>
/// Forum:RateLimits:ReactionsPerMinute reactions given or taken back per member a minute (staff exempt, off with
/// Enabled=false), counted like the posting limits: in this process or, with Forum:Redis set, in Redis. Taking a
/// reaction back counts too, so pressing a button over and over cannot flood the thread's readers with pushes.
/// </summary>
public sealed class ReactionRateLimits(RedisRateLimits shared, IOptions<RateLimitOptions> options) : IDisposable
{
    private const string Policy = "reaction";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        memberId => RateLimitPartition.Get(memberId, id => ForumRateLimits.FixedWindowLimiter(
            shared, Policy, id, options.Value.ReactionsPerMinute, TimeSpan.FromMinutes(1))));

    /// <summary>How long <paramref name="member"/> must wait before reacting again; null when they may now (the permit is then used).</summary>
    public async ValueTask<TimeSpan?> TakeAsync(ClaimsPrincipal member, CancellationToken cancellationToken)
    {
        var memberId = member.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!options.Value.Enabled || memberId is null || Viewer.IsStaff(member))
        {
            return null;
        }
        using var lease = await _limiter.AcquireAsync(memberId, 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
