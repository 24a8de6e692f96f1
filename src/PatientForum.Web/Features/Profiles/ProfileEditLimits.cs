using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Redis;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// Forum:Profiles:EditsPerHour saves of a profile per member (off with Forum:RateLimits:Enabled=false), counted in this
/// process or, with Forum:Redis set, in Redis for every instance. Asked by the settings page itself, like the posting
/// limits, so that a refusal shows the form again with what the member wrote; a form with mistakes takes no permit.
/// </summary>
public sealed class ProfileEditLimits(RedisRateLimits shared, IOptions<ProfileOptions> profiles, IOptions<RateLimitOptions> limits) : IDisposable
{
    private const string Policy = "profile-edit";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(memberId =>
        RateLimitPartition.Get(memberId, id => ForumRateLimits.FixedWindowLimiter(shared, Policy, id, profiles.Value.EditsPerHour, TimeSpan.FromHours(1))));

    /// <summary>How long the member must wait before saving again, or null when they may save now (the permit is then used).</summary>
    public async ValueTask<TimeSpan?> TakeAsync(string memberId, CancellationToken cancellationToken)
    {
        if (!limits.Value.Enabled)
        {
            return null;
        }
        using var lease = await _limiter.AcquireAsync(memberId, 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
    }

    public void Dispose() => _limiter.Dispose();
}
