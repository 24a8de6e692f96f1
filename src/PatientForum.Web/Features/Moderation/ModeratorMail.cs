using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Moderation;

/// <summary>What the moderators' summary counts: members' new flags, the safety check's automatic ones, and bulk-reading reports.</summary>
public sealed record FlagDigest(IReadOnlyList<FlagReason> MemberFlags, IReadOnlyList<FlagReason> AutomaticFlags, int ReadingAlerts);

/// <summary>
/// Mail to the moderators: members holding the moderator or admin role, plus Forum:Moderation:ModeratorEmails.
/// Mails carry a link and the reason, never the post's text: health details stay on the site.
/// </summary>
public sealed class ModeratorMail(ForumDbContext db, EmailOutbox outbox, MailSignal signal, IOptionsMonitor<ModerationOptions> moderation, IOptions<ForumOptions> forum)
{
    public async Task<IReadOnlyList<string>> RecipientsAsync(CancellationToken cancellationToken)
    {
        var staffRoles = await db.Roles.Where(r => r.Name == ForumRoles.Moderator || r.Name == ForumRoles.Admin).Select(r => r.Id).ToListAsync(cancellationToken);
        var staff = await db.UserRoles
            .Where(ur => staffRoles.Contains(ur.RoleId))
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u)
            .Where(u => u.EmailConfirmed && u.Email != null)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
        return staff.Concat(moderation.CurrentValue.ModeratorEmails).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Adds, without saving, an immediate alert about a self-harm concern to every moderator: one a member raised, or
    /// (<paramref name="automatic"/>) one the crisis-language check raised when the post was published.
    /// </summary>
    public async Task AddUrgentAlertAsync(Post post, bool automatic, CancellationToken cancellationToken)
    {
        var (subject, lead) = automatic
            ? ("Urgent: a new post may be about self-harm", "The forum's safety check found self-harm language in a new post. Please look at it now:")
            : ("Urgent: a member raised a self-harm concern", "A member flagged a post with a concern about self-harm. Please look at it now:");
        foreach (var to in await RecipientsAsync(cancellationToken))
        {
            outbox.Add(new OutgoingEmail(to, subject, $"""
                {lead}

                {Link(ForumUrls.ModeratePost(post.Id))}

                The review queue: {Link(ForumUrls.ModerationQueue)}
                """));
        }
    }

    /// <summary>
    /// Adds, without saving, a summary of new flags (members' and the safety check's, each counted on its own) and of
    /// accounts reported for reading members-only threads in bulk (a count only: the queue names them) for every moderator.
    /// </summary>
    public async Task AddDigestAsync(FlagDigest digest, CancellationToken cancellationToken)
    {
        var (memberFlags, readingAlerts) = (digest.MemberFlags, digest.ReadingAlerts);
        var total = memberFlags.Count + digest.AutomaticFlags.Count;
        var flagsPart = total == 0 ? "No new flags since the last summary."
            : memberFlags.Count == 0 ? "Members raised no new flags since the last summary."
            : $"Members raised {memberFlags.Count} new flag(s) since the last summary:{Environment.NewLine}{Environment.NewLine}{Counts(memberFlags)}";
        if (digest.AutomaticFlags.Count > 0)
        {
            flagsPart += $"{Environment.NewLine}{Environment.NewLine}The safety check raised {digest.AutomaticFlags.Count} automatic flag(s) when posts were "
                + $"saved:{Environment.NewLine}{Environment.NewLine}{Counts(digest.AutomaticFlags)}";
        }
        var readingPart = readingAlerts == 0
            ? ""
            : $"{Environment.NewLine}{Environment.NewLine}{readingAlerts} account(s) opened members-only threads faster than a person reads and were slowed down.";
        var subject = readingAlerts == 0
            ? $"PatientForum: {total} new flag(s) to review"
            : $"PatientForum: {total} new flag(s) and {readingAlerts} bulk-reading report(s) to review";
        foreach (var to in await RecipientsAsync(cancellationToken))
        {
            outbox.Add(new OutgoingEmail(to, subject, $"""
                {flagsPart}{readingPart}

                The review queue: {Link(ForumUrls.ModerationQueue)}
                """));
        }
    }

    public void Wake() => signal.Wake();

    private static string Counts(IReadOnlyList<FlagReason> flags) => string.Join(Environment.NewLine, flags
        .GroupBy(r => r)
        .OrderByDescending(g => g.Count())
        .Select(g => $"- {FlagReasons.Label(g.Key)}: {g.Count()}"));

    private string Link(string path) => ForumUrls.Absolute(forum.Value.PublicUrl, path);
}
