using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.DataExport;

/// <summary>
/// Marks an export ready and, in the same save, puts the mail that says so in the outbox: to the member, or to the
/// admin who asked for it. The mail holds a link and the expiry, never any of the data.
/// </summary>
public sealed class ExportReadyMail(
    ForumDbContext db, EmailOutbox outbox, MailSignal mail, IOptions<DataExportOptions> options, IOptions<ForumOptions> forum, TimeProvider clock)
{
    public async Task ReadyAsync(MemberExport export, string fileName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        export.State = MemberExportState.Ready;
        export.FileName = fileName;
        export.CompletedAt = now;
        export.ExpiresAt = now.AddHours(options.Value.KeepHours);
        export.ClaimedUntil = null;
        var recipientId = export.RequestedById ?? export.UserId;
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == recipientId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        var link = ForumUrls.Absolute(forum.Value.PublicUrl, ForumUrls.ExportDownload(export.Id));
        var expires = export.ExpiresAt.Value.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        if (recipient.Email is { } email)
        {
            outbox.Add(new OutgoingEmail(email, export.RequestedById is null ? "Your PatientForum data is ready" : "A member's PatientForum data is ready", $"""
                Hello {recipient.DisplayName},

                {(export.RequestedById is null ? "The copy of your PatientForum data that you asked for" : "The export of a member's data that you asked for")} is ready.
                Sign in and download it here:

                {link}

                The link works until {expires}; then the file is deleted.
                If you did not ask for this, sign in and change your password.
                """));
        }
        await db.SaveChangesAsync(cancellationToken);
        mail.Wake();
    }
}
