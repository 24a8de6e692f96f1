using System.Security.Cryptography;
using MimeKit;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Web.Features.Contact;

/// <summary>
/// Saves a contact submission together with one outbox mail per moderator, in one transaction, before the
/// sender is told it worked. The background worker delivers the mail whenever the mail server allows.
/// </summary>
public sealed class ContactService(ForumDbContext db, EmailOutbox outbox, ModeratorMail moderators, TimeProvider clock)
{
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<string> SubmitAsync(string name, string email, ContactSubject subject, string message, CancellationToken cancellationToken)
    {
        var submission = new ContactSubmission
        {
            Reference = NewReference(),
            Name = name,
            Email = email,
            Subject = subject,
            Message = message,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ContactSubmissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);

        var replyTo = new MailboxAddress(name, email).ToString();
        foreach (var to in await moderators.RecipientsAsync(cancellationToken))
        {
            outbox.Add(new OutgoingEmail(
                to,
                $"[PatientForum contact] {ContactSubjects.Label(subject)} ({submission.Reference})",
                $"""
                A message from the contact page. Reply to this mail to answer {name} directly.

                Reference: {submission.Reference}
                From: {name} <{email}>
                About: {ContactSubjects.Label(subject)}

                {message}
                """,
                replyTo,
                submission.Id));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        moderators.Wake();
        return submission.Reference;
    }

    private static string NewReference() => "PF-" + RandomNumberGenerator.GetString(ReferenceAlphabet, 8);
}
