using PatientForum.Web.Data;

namespace PatientForum.Web.Infrastructure.Email;

/// <summary>An email to be sent by the background worker.</summary>
/// <param name="To">One recipient address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="ReplyTo">A mailbox as MimeKit formats it, e.g. <c>"Ann Lee" &lt;ann@example.org&gt;</c>.</param>
/// <param name="ContactSubmissionId">The contact submission this mail delivers, so its status can be shown.</param>
/// <param name="UnsubscribeUrl">Where one click stops this kind of mail, for mail a member can stop.</param>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? ReplyTo = null, int? ContactSubmissionId = null, string? UnsubscribeUrl = null);

/// <summary>
/// Puts email in the persisted outbox. Nothing is sent inside a request: the
/// <see cref="MailDeliveryWorker"/> delivers what is saved here.
/// </summary>
public sealed class EmailOutbox(ForumDbContext db, MailSignal signal, TimeProvider clock)
{
    /// <summary>Adds the email to the current unit of work; it is sent once the caller saves.</summary>
    public OutboxMessage Add(OutgoingEmail email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@patientforum",
            To = email.To,
            ReplyTo = email.ReplyTo,
            Subject = email.Subject,
            TextBody = email.TextBody,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = OutboxStatus.Pending,
            ContactSubmissionId = email.ContactSubmissionId,
            UnsubscribeUrl = email.UnsubscribeUrl,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Adds the email, saves, and wakes the worker.</summary>
    public async Task QueueAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Add(email);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }
}

/// <summary>Wakes the mail delivery worker; see <see cref="WorkerSignal"/>.</summary>
public sealed class MailSignal : WorkerSignal;
