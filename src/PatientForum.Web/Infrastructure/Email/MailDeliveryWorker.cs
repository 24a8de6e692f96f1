using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds, oldest first. A failed attempt is retried later with a growing delay;
/// the message text and addresses are never logged.
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
    private const int MaxAttempts = 12;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DeliverDueAsync(stoppingToken);
                if (sent == BatchSize)
                {
                    continue;
                }
                await signal.WaitAsync(s_pollInterval, stoppingToken);
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

    private async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in due)
        {
            await DeliverAsync(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            LogSent(message.Id, message.Attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.LastError = $"{ex.GetType().Name}: {ex.Message}";
            if (message.Attempts >= MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
            }
            else
            {
                var delay = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, message.Attempts - 1)));
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + delay;
            }
            LogAttemptFailed(message.Id, message.Attempts, ex.GetType().Name);
        }
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
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} delivered on attempt {Attempt}")]
    private partial void LogSent(int id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} attempt {Attempt} failed: {ErrorType}")]
    private partial void LogAttemptFailed(int id, int attempt, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop failed: {ErrorType}")]
    private partial void LogLoopFailed(string errorType);
}
