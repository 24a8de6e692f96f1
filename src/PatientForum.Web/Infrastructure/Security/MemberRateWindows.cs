using System.Threading.RateLimiting;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Infrastructure.Security;

/// <summary>
/// Fixed windows per member and policy, counted in this process or, with Forum:Redis set, in Redis for every
/// instance. For limits a feature asks itself (posting, reactions, profile saves) rather than leaving them to the
/// rate-limiting middleware, so that a refusal can show the form again with what the member wrote.
/// </summary>
public sealed class MemberRateWindows(RedisRateLimits shared) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Policy, string MemberId, int Permits, TimeSpan Window)> _limiter =
        PartitionedRateLimiter.Create<(string Policy, string MemberId, int Permits, TimeSpan Window), (string, string, int, TimeSpan)>(
            key => RateLimitPartition.Get(key, k => ForumRateLimits.FixedWindowLimiter(shared, k.Policy, k.MemberId, k.Permits, k.Window)));

    /// <summary>
    /// How long <paramref name="memberId"/> must wait before <paramref name="policy"/> allows them again; null when it
    /// allows them now (the permit is then used).
    /// </summary>
    public async ValueTask<TimeSpan?> TakeAsync(string policy, string memberId, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync((policy, memberId, permits, window), 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
    }

    public void Dispose() => _limiter.Dispose();
}
