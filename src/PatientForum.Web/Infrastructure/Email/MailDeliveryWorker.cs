using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PatientForum.Web.Data;

namespace PatientForum.Web.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds, oldest first. Each message is claimed with a lease before it is sent, so
/// two workers never send it at once, and a worker that dies mid-send leaves it to be sent again after
/// the lease: at most twice, never zero times. Temporary failures (connection errors, timeouts, 4xx
/// replies) are retried with exponential backoff and jitter; a 5xx reply fails the message for good.
/// Neither the text nor the addresses are ever logged.
/// </summary>
public sealed partial class MailDeliveryWorker(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    MailSignal signal,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;
    /// <summary>With the backoff capped at five minutes, temporary failures are retried for about a day.</summary>
    private const int MaxAttempts = 300;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(5);
    /// <summary>Short enough that mail goes out within minutes of the server coming back after a long outage.</summary>
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>How long a claim holds: longer than one send can take with the configured timeout.</summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(smtp.Value.TimeoutSeconds * 3 + 30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = signal.BeginPass();
                var due = await DeliverDueAsync(stoppingToken);
                signal.EndPass(pass, due);
                if (due > 0)
                {
                    // Look again at once: more may have been queued meanwhile, and only a pass that finds nothing
                    // due tells those waiting on the signal that the outbox has caught up. Failures are not due
                    // again for seconds, so this never spins.
                    continue;
                }
                await signal.WaitAsync(s_pollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or IOException)
            {
                LogLoopFailed(ex.GetType().Name);
                await Task.Delay(s_pollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Sends every message that is due; returns how many were due.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        try
        {
            foreach (var id in due)
            {
                // Stopping: claim nothing more. What is left is due at the next start.
                cancellationToken.ThrowIfCancellationRequested();
                if (await TryClaimAsync(db, id))
                {
                    await DeliverAsync(db, id, cancellationToken);
                }
            }
        }
        finally
        {
            await transport.EndBatchAsync();
        }
        return due.Count;
    }

    /// <summary>
    /// One conditional UPDATE: only one worker can move the lease forward. From the claim until the message is sent or
    /// handed back, nothing heeds the stopping token but the send: a stop that cancelled the claim's answer or the read
    /// after it would leave the message claimed by nobody, held back from the next start until the lease ran out.
    /// </summary>
    private async Task<bool> TryClaimAsync(ForumDbContext db, int id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
        return claimed == 1;
    }

    private async Task DeliverAsync(ForumDbContext db, int id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, CancellationToken.None);
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            LogSent(message.Id, message.Attempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the message straight back rather than leaving it to the lease. It may have
            // reached the server already; then it is sent twice, which the at-most-twice promise allows.
            message.ClaimedUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            Fail(message, ex);
        }
        message.ClaimedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Fail(OutboxMessage message, Exception ex)
    {
        var permanent = ex is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 };
        message.LastError = ex is SmtpCommandException command
            ? $"{(int)command.StatusCode} {command.Message}"
            : $"{ex.GetType().Name}: {ex.Message}";
        if (message.LastError.Length > 1000)
        {
            message.LastError = message.LastError[..1000];
        }
        if (permanent || message.Attempts >= MaxAttempts)
        {
            message.Status = OutboxStatus.Failed;
        }
        else
        {
            message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
        }
        LogAttemptFailed(message.Id, message.Attempts, permanent ? "permanent" : "temporary", ex.GetType().Name);
    }

    /// <summary>2 s, 4 s, 8 s … up to five minutes, each stretched or shrunk by up to 20 % so retries do not arrive in step.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(s_maxBackoff.TotalSeconds, Math.Pow(2, Math.Clamp(attempts, 1, 30)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAt),
            Body = new TextPart("plain") { Text = message.TextBody },
        };
        mime.From.Add(MailboxAddress.Parse(smtp.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ReplyTo is not null)
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        }
        if (message.UnsubscribeUrl is not null)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{message.UnsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} delivered on attempt {Attempt}")]
    private partial void LogSent(int id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} attempt {Attempt} failed ({Kind}): {ErrorType}")]
    private partial void LogAttemptFailed(int id, int attempt, string kind, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop failed: {ErrorType}")]
    private partial void LogLoopFailed(string errorType);
}
