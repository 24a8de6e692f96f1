using System.Security.Claims;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// One reply per Forum:RateLimits:ReplySeconds and one thread per ThreadSeconds, per member (staff exempt, off
/// with Enabled=false): fixed windows counted in this process or, with Forum:Redis set, in Redis, shared by every
/// instance. <see cref="PostingService"/> asks these limits itself, rather than leaving them to the rate-limiting
/// middleware, so that a refusal can show the compose form again with what the member wrote. A permit is taken only
/// for a post that would otherwise be saved, so correcting a mistake in the form does not count as posting.
/// </summary>
public sealed class PostingRateLimits(MemberRateWindows windows, IOptionsMonitor<RateLimitOptions> options)
{
    public const string Reply = "reply";
    public const string Thread = "thread";

    /// <summary>A refusal when <paramref name="member"/> may not post a reply now; null when they may (the permit is then used).</summary>
    public ValueTask<PostingRefusal?> TakeReplyAsync(ClaimsPrincipal member, CancellationToken cancellationToken) =>
        TakeAsync(member, Reply, cancellationToken);

    /// <summary>A refusal when <paramref name="member"/> may not start a thread now; null when they may (the permit is then used).</summary>
    public ValueTask<PostingRefusal?> TakeThreadAsync(ClaimsPrincipal member, CancellationToken cancellationToken) =>
        TakeAsync(member, Thread, cancellationToken);

    private async ValueTask<PostingRefusal?> TakeAsync(ClaimsPrincipal member, string policy, CancellationToken cancellationToken)
    {
        var limits = options.CurrentValue;
        var memberId = member.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!limits.Enabled || memberId is null || Viewer.IsStaff(member))
        {
            return null;
        }
        var window = Window(limits, policy);
        if (await windows.TakeAsync(policy, memberId, 1, window, cancellationToken) is not { } wait)
        {
            return null;
        }
        var seconds = PostingRefusal.Plural((int)window.TotalSeconds, "second");
        var text = policy == Thread
            ? $"Members can start a thread once every {seconds}. You can start one again in {PostingRefusal.Wait(wait)}."
            : $"Members can post a reply once every {seconds}. You can post again in {PostingRefusal.Wait(wait)}.";
        return PostingRefusal.TooSoon(text, wait);
    }

    private static TimeSpan Window(RateLimitOptions limits, string policy) =>
        TimeSpan.FromSeconds(policy == Thread ? limits.ThreadSeconds : limits.ReplySeconds);
}
