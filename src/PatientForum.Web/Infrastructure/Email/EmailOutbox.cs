using PatientForum.Web.Data;

namespace PatientForum.Web.Infrastructure.Email;

/// <summary>An email to be sent by the background worker.</summary>
/// <param name="To">One recipient address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="ReplyTo">A mailbox as MimeKit formats it, e.g. <c>"Ann Lee" &lt;ann@example.org&gt;</c>.</param>
/// <param name="ContactSubmissionId">The contact submission this mail delivers, so its status can be shown.</param>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? ReplyTo = null, int? ContactSubmissionId = null);

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

/// <summary>
/// Lets a request wake the delivery worker instead of waiting for its next poll, and anyone wait for the worker
/// to catch up with the outbox.
/// </summary>
public sealed class MailSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private readonly ProgressMark _idlePass = new();
    private long _passesBegun;

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up is enough.
        }
    }

    /// <summary>
    /// Wakes the worker and completes once it has finished a pass, begun after this call, that found nothing due:
    /// by then everything that was due has been sent or has failed, and nothing more goes out from this instance
    /// until mail is queued or a retry falls due. (Another instance's worker may still be sending what it claimed.)
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var waiting = _idlePass.WhenReachedAsync(Interlocked.Read(ref _passesBegun) + 1, cancellationToken);
        Wake();
        return waiting;
    }

    public void Dispose() => _semaphore.Dispose();

    /// <summary>
    /// Waits for a wake-up, or until <paramref name="timeout"/> has passed on <paramref name="clock"/>: the
    /// worker's own clock, so that its polls and its retry times move together.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, cancellationToken);
        try
        {
            await _semaphore.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Time for the next poll.
        }
    }

    /// <summary>Called by the worker as a pass begins; returns the pass's number.</summary>
    internal long BeginPass() => Interlocked.Increment(ref _passesBegun);

    /// <summary>Called by the worker after a pass that completed, with how many messages were due.</summary>
    internal void EndPass(long pass, int due)
    {
        if (due == 0)
        {
            _idlePass.MoveTo(pass);
        }
    }
}
