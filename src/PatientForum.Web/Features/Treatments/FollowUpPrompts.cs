using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// Sends the "How is it now?" prompts that are due: for each record and each configured prompt, once, as a
/// notification and (if the member takes mail about posts addressed to them) a mail. The prompt's row
/// (<see cref="TreatmentPrompt"/>) is inserted in the same transaction as what it sends; its unique (record, days) key
/// lets only one instance insert it, so a prompt goes out once however many instances run, and a restart finds it done.
/// A prompt is skipped for good, and recorded as such, when it is not the author's to get: the record was written after
/// the prompt's time (the story already says how it went), the prompt is more than <see cref="Grace"/> late (the forum
/// was down, or the author turned prompts back on later), the thread or its opening post is hidden or deleted, or the
/// author's account is deleted or suspended. While the author has turned prompts off, none is sent or recorded.
/// </summary>
public sealed class FollowUpPrompts(ForumDbContext db, EmailOutbox outbox, FollowUpMail mail, IOptions<TreatmentOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(30);
    private const int Batch = 100;

    /// <summary>Deals with every prompt due now; the number sent (not skipped).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        foreach (var days in options.Value.PromptDays)
        {
            List<Candidate> candidates;
            var dealt = 0;
            do
            {
                candidates = await CandidatesAsync(days, now, cancellationToken);
                foreach (var candidate in candidates)
                {
                    var outcome = await DealWithAsync(candidate, days, now, cancellationToken);
                    sent += outcome == Outcome.Sent ? 1 : 0;
                    dealt += outcome == Outcome.NotDue ? 0 : 1;
                }
            }
            // A full batch that was all dealt with may have more behind it; one with nothing dealt with would come back the same.
            while (candidates.Count == Batch && dealt > 0);
        }
        return sent;
    }

    /// <summary>Records whose prompt of <paramref name="days"/> may be due (their treatment month is early enough) and has no row yet.</summary>
    private Task<List<Candidate>> CandidatesAsync(int days, DateTime now, CancellationToken cancellationToken)
    {
        var latest = FollowUpPoints.LatestDueMonth(days, now);
        var visible = PostState.Visible;
        return db.TreatmentRecords.AsNoTracking()
            .Where(r => !r.FollowUpPromptsOff && r.TreatedYear * 12 + r.TreatedMonth <= latest
                && !db.TreatmentPrompts.Any(p => p.RecordId == r.Id && p.DaysAfter == days))
            .OrderBy(r => r.Id)
            .Take(Batch)
            .Select(r => new Candidate(
                r.Id, r.ThreadId, r.TreatedYear, r.TreatedMonth, r.CreatedAt, r.BodyArea, r.Treatment!.Name,
                r.Thread!.IsHidden || !r.Thread.Posts.Any(p => p.IsOpening && p.State == visible),
                r.Thread.Posts.Where(p => p.IsOpening).Select(p => p.Id).FirstOrDefault(),
                // An aliased story's prompt goes to the member behind the alias (null once they have gone).
                db.MemberAliases.Any(a => a.AliasUserId == r.Thread.AuthorId)
                    ? db.MemberAliases.Where(a => a.AliasUserId == r.Thread.AuthorId).Select(a => a.OwnerId).FirstOrDefault()
                    : r.Thread.AuthorId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sends or skips one prompt, unless it is not due yet.</summary>
    private async Task<Outcome> DealWithAsync(Candidate candidate, int days, DateTime now, CancellationToken cancellationToken)
    {
        var due = FollowUpPoints.DueAt(candidate.Year, candidate.Month, days);
        if (due > now)
        {
            return Outcome.NotDue;
        }
        var member = candidate.RecipientId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == candidate.RecipientId)
            .Select(u => new Recipient(u.Id, u.Email, u.EmailConfirmed && u.MentionMail && !u.IsSystem, u.DeletedAt != null || u.IsSystem,
                u.SuspendedUntil != null && u.SuspendedUntil > now))
            .SingleOrDefaultAsync(cancellationToken);
        var skip = due <= candidate.CreatedAt || now - due > Grace || candidate.ThreadGone || member is null || member.Gone || member.Suspended;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.TreatmentPrompts.Add(new TreatmentPrompt { RecordId = candidate.RecordId, DaysAfter = days, At = now, Skipped = skip });
            var mailed = !skip && member!.Mail && member.Email is not null;
            if (!skip)
            {
                db.Notifications.Add(new Notification
                {
                    RecipientId = member!.Id, Kind = NotificationKind.FollowUpPrompt, ThreadId = candidate.ThreadId, PostId = candidate.OpeningPostId,
                    CreatedAt = now, MailedAt = mailed ? now : null,
                });
            }
            if (mailed)
            {
                outbox.Add(mail.Compose(member!.Email!, member.Id, candidate.ThreadId, TreatmentLabels.Of(candidate.Area), candidate.Area, candidate.TreatmentName, days));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return skip ? Outcome.Skipped : Outcome.Sent;
        }
        catch (DbUpdateException)
        {
            // The unique (record, days) key: another instance dealt with this prompt first.
            return Outcome.TakenElsewhere;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private enum Outcome
    {
        NotDue,
        Sent,
        Skipped,
        TakenElsewhere,
    }

    private sealed record Candidate(
        int RecordId, int ThreadId, int Year, int Month, DateTime CreatedAt, BodyArea Area, string TreatmentName, bool ThreadGone,
        int OpeningPostId, string? RecipientId);

    private sealed record Recipient(string Id, string? Email, bool Mail, bool Gone, bool Suspended);
}
