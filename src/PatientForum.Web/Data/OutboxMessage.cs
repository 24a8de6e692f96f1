namespace PatientForum.Web.Data;

/// <summary>An email waiting in, or sent from, the persisted outbox.</summary>
public class OutboxMessage
{
    public int Id { get; set; }

    /// <summary>The stable Message-Id header, so a resend after a crash is recognisable as the same mail.</summary>
    public required string MessageId { get; set; }
    public required string To { get; set; }
    public string? ReplyTo { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The last delivery error (the server's reply or the exception type), never the message text.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// Set while a worker is sending the message. Another worker may take it over only after this
    /// time has passed, so a crashed worker's message is sent again (at most twice), never lost.
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>
    /// For mail a member can stop: where one click unsubscribes (sent as List-Unsubscribe with List-Unsubscribe-Post,
    /// RFC 8058, so mail programs offer it too).
    /// </summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The contact submission this mail delivers, if any.</summary>
    public int? ContactSubmissionId { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}
