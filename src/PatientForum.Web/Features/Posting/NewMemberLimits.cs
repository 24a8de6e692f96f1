using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Html;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// Discourse's first-day limits for new members (accounts younger than Forum:RateLimits:NewUserHours): one post
/// per NewUserReplySeconds, a cap on replies and threads, and a cap on links per post. The counts come from the
/// posts in the database, so they hold across instances and restarts. Staff are exempt, as from every posting
/// limit, and Forum:RateLimits:Enabled=false turns these off with the rest.
/// </summary>
public sealed class NewMemberLimits(ForumDbContext db, IPostRenderer renderer, IOptionsMonitor<RateLimitOptions> options, TimeProvider clock)
{
    private RateLimitOptions Limits => options.CurrentValue;

    /// <summary>A refusal when a new member may not reply now; null when they may.</summary>
    public Task<PostingRefusal?> RefuseReplyAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        RefuseAsync(user, isThread: false, cancellationToken);

    /// <summary>A refusal when a new member may not start a thread now; null when they may.</summary>
    public Task<PostingRefusal?> RefuseThreadAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        RefuseAsync(user, isThread: true, cancellationToken);

    /// <summary>The form error for a new member's post with more links than allowed; null when it may be posted.</summary>
    public async Task<string?> LinksProblemAsync(ClaimsPrincipal user, string body, CancellationToken cancellationToken)
    {
        if (await FirstDayEndsAsync(user, cancellationToken) is null)
        {
            return null;
        }
        var links = PostLinks.Count(renderer.Render(body));
        var max = Limits.NewUserMaxLinks;
        if (links <= max)
        {
            return null;
        }
        return max == 0
            ? $"New members cannot include links in a post {FirstDay()}. Remove the links (this post has {links}) and post again."
            : $"New members can include at most {Plural(max, "link")} in a post {FirstDay()}; this one has {links}. Remove some and post again.";
    }

    private async Task<PostingRefusal?> RefuseAsync(ClaimsPrincipal user, bool isThread, CancellationToken cancellationToken)
    {
        if (await FirstDayEndsAsync(user, cancellationToken) is not { } firstDayEnds)
        {
            return null;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        // Posts under the member's aliases count as theirs: an alias is no way around the first day's limits.
        var authors = await db.AccountsOfAsync(userId, cancellationToken);

        // Every post counts towards the spacing, opening posts included: Discourse's "one post per 30 seconds".
        var lastPostAt = await db.Posts.Where(p => authors.Contains(p.AuthorId)).MaxAsync(p => (DateTime?)p.CreatedAt, cancellationToken);
        var nextPostAt = lastPostAt?.AddSeconds(Limits.NewUserReplySeconds);
        if (nextPostAt > now)
        {
            var wait = nextPostAt.Value - now;
            return PostingRefusal.TooSoon($"New members can post once every {Plural(Limits.NewUserReplySeconds, "second")} {FirstDay()}. You can post again in {Wait(wait)}.", wait);
        }

        var (count, cap, what) = isThread
            ? (await db.Threads.CountAsync(t => authors.Contains(t.AuthorId), cancellationToken), Limits.NewUserThreadsPerDay, "thread")
            : (await db.Posts.CountAsync(p => authors.Contains(p.AuthorId) && !p.IsOpening, cancellationToken), Limits.NewUserRepliesPerDay, "reply");
        if (count < cap)
        {
            return null;
        }
        var untilTrusted = firstDayEnds - now;
        var verb = isThread ? "start" : "post";
        return PostingRefusal.TooSoon($"New members can {verb} {Plural(cap, what)} {FirstDay()}, and you have reached that. You can {verb} more in {Wait(untilTrusted)}.", untilTrusted);
    }

    /// <summary>When the member's first day ends, or null when the new-member limits do not apply to them.</summary>
    private async Task<DateTime?> FirstDayEndsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Limits.Enabled || Limits.NewUserHours == 0 || userId is null || Viewer.IsStaff(user))
        {
            return null;
        }
        var createdAt = await db.Users.Where(u => u.Id == userId).Select(u => (DateTime?)u.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        var firstDayEnds = createdAt?.AddHours(Limits.NewUserHours);
        return firstDayEnds > clock.GetUtcNow().UtcDateTime ? firstDayEnds : null;
    }

    private string FirstDay() => Limits.NewUserHours == 24 ? "on their first day" : $"in their first {Plural(Limits.NewUserHours, "hour")}";

    private static string Wait(TimeSpan wait) => PostingRefusal.Wait(wait);

    private static string Plural(int count, string noun) => PostingRefusal.Plural(count, noun);
}
