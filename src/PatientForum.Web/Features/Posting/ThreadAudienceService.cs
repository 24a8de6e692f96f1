using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Posting;

/// <summary>What came of asking to change who may read a thread.</summary>
public enum AudienceOutcome
{
    Changed,

    /// <summary>It already had that audience: nothing to do.</summary>
    Unchanged,

    /// <summary>No such thread, or one the member may not read.</summary>
    NotFound,

    /// <summary>Neither its author nor a moderator.</summary>
    NotAllowed,

    /// <summary>Its topic makes every thread in it members-only; no thread there can be made public.</summary>
    TopicDecides,

    /// <summary>The author asked to make it public after other members replied to it as a members-only thread.</summary>
    OthersReplied,

    TooSoon,
}

/// <summary>
/// Changes who may read a thread. Its author may make it members-only at any time, and public again only while nobody
/// else has posted in it: those who replied did so for members alone. Moderators may change it either way, and each
/// change of theirs is in the audit log. Then the change is made seen (<see cref="ForumChanges.ThreadAudienceChangedAsync"/>):
/// cached pages evicted, and a thread made members-only stops reaching open pages that may not read it.
/// </summary>
public sealed class ThreadAudienceService(
    ForumDbContext db, ModerationService moderation, ForumChanges changes, MemberRateWindows windows, IOptions<RateLimitOptions> limits)
{
    private const string RatePolicy = "thread-audience";
    private const int ChangesPerMinute = 10;

    public async Task<AudienceOutcome> ChangeAsync(
        ClaimsPrincipal member, int threadId, ThreadAudience audience, string? reason, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(member);
        if (!await db.Threads.AsNoTracking().Where(t => t.Id == threadId).ReadableBy(viewer).AnyAsync(cancellationToken))
        {
            return AudienceOutcome.NotFound;
        }
        var thread = await db.Threads.Include(t => t.Topic).SingleAsync(t => t.Id == threadId, cancellationToken);
        if (!viewer.IsModerator && thread.AuthorId != viewer.UserId)
        {
            return AudienceOutcome.NotAllowed;
        }
        if (thread.Topic!.MembersOnly)
        {
            return AudienceOutcome.TopicDecides;
        }
        if (thread.Audience == audience)
        {
            return AudienceOutcome.Unchanged;
        }
        if (!viewer.IsModerator && audience == ThreadAudience.Public
            && await db.Posts.AnyAsync(p => p.ThreadId == threadId && p.AuthorId != thread.AuthorId, cancellationToken))
        {
            return AudienceOutcome.OthersReplied;
        }
        if (!viewer.IsModerator && limits.Value.Enabled
            && await windows.TakeAsync(RatePolicy, viewer.UserId!, ChangesPerMinute, TimeSpan.FromMinutes(1), cancellationToken) is not null)
        {
            return AudienceOutcome.TooSoon;
        }
        thread.Audience = audience;
        if (viewer.IsModerator)
        {
            var kind = audience == ThreadAudience.Members ? ModerationKind.MakeThreadMembersOnly : ModerationKind.MakeThreadPublic;
            moderation.Audit(kind, viewer.UserId, reason, null, thread.Id, thread.AuthorId);
        }
        await db.SaveChangesAsync(cancellationToken);
        await changes.ThreadAudienceChangedAsync(thread.Id, audience == ThreadAudience.Members, cancellationToken);
        return AudienceOutcome.Changed;
    }
}
