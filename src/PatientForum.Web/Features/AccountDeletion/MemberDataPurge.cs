using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.DataExport;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>
/// Removes every row that is about a deleting member rather than about the conversation: profile, drafts, reactions
/// they gave, watches, visits, notifications to them or caused by them, flags they raised, mail to their address,
/// their contact messages, security activity, reading alerts about them, name history, data exports (rows and files), sign-in keys, claims,
/// tokens and roles.
/// </summary>
public sealed class MemberDataPurge(ForumDbContext db, ExportFolder exports)
{
    /// <summary>Purges the rows; returns the posts whose reaction counts fell, to be shown anew.</summary>
    [SuppressMessage("Globalization", "CA1304", Justification = "Inside a query: EF translates ToLower() to SQL lower(); no .NET culture is involved.")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Inside a query: EF translates ToLower() to SQL lower().")]
    [SuppressMessage("Performance", "CA1862", Justification = "Inside a query: string.Equals with a comparison does not translate to SQL.")]
    public async Task<IReadOnlyList<int>> PurgeAsync(ForumUser user, CancellationToken cancellationToken)
    {
        var id = user.Id;
        var reactedTo = await db.PostReactions.Where(r => r.UserId == id).Select(r => r.PostId).Distinct().ToListAsync(cancellationToken);
        await db.PostReactions.Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.MemberProfiles.Where(p => p.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Drafts.Where(d => d.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ThreadWatches.Where(w => w.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.TopicWatches.Where(w => w.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ThreadVisits.Where(v => v.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.RecipientId == id || n.ActorId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Flags.Where(f => f.FlaggerId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SecurityEvents.Where(e => e.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ReadingAlerts.Where(a => a.UserId == id).ExecuteDeleteAsync(cancellationToken);
        // Names given up are no longer held for the member: the history is what would tie them to the account.
        await db.DisplayNameHistory.Where(h => h.UserId == id).ExecuteDeleteAsync(cancellationToken);
        var exportFiles = await db.MemberExports.Where(e => e.UserId == id && e.FileName != null).Select(e => e.FileName!).ToListAsync(cancellationToken);
        await db.MemberExports.Where(e => e.UserId == id).ExecuteDeleteAsync(cancellationToken);
        foreach (var file in exportFiles)
        {
            File.Delete(exports.PathOf(file));
        }
        if (user.NormalizedEmail is { } email)
        {
            var lowered = email.ToLowerInvariant();
            var contacts = db.ContactSubmissions.Where(c => c.Email.ToLower() == lowered).Select(c => c.Id);
            await db.OutboxMessages.Where(m => m.To.ToLower() == lowered || (m.ContactSubmissionId != null && contacts.Contains(m.ContactSubmissionId.Value)))
                .ExecuteDeleteAsync(cancellationToken);
            await db.ContactSubmissions.Where(c => c.Email.ToLower() == lowered).ExecuteDeleteAsync(cancellationToken);
        }
        await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
        return reactedTo;
    }
}
