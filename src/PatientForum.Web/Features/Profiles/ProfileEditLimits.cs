using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// Forum:Profiles:EditsPerHour saves of a profile per member (off with Forum:RateLimits:Enabled=false), counted in this
/// process or, with Forum:Redis set, in Redis for every instance. Asked by the settings page itself, like the posting
/// limits, so that a refusal shows the form again with what the member wrote; a form with mistakes takes no permit.
/// </summary>
public sealed class ProfileEditLimits(MemberRateWindows windows, IOptions<ProfileOptions> profiles, IOptions<RateLimitOptions> limits)
{
    private const string Policy = "profile-edit";

    /// <summary>How long the member must wait before saving again, or null when they may save now (the permit is then used).</summary>
    public async ValueTask<TimeSpan?> TakeAsync(string memberId, CancellationToken cancellationToken)
    {
        if (!limits.Value.Enabled)
        {
            return null;
        }
        return await windows.TakeAsync(Policy, memberId, profiles.Value.EditsPerHour, TimeSpan.FromHours(1), cancellationToken);
    }
}
