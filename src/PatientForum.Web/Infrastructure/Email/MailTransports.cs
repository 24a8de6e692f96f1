using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Infrastructure.Email;

/// <summary>Delivers one finished message: to an SMTP server, or to the pickup folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Called after each batch: closes any connection kept open between messages.</summary>
    Task EndBatchAsync();
}

/// <summary>Writes each message as an .eml file, for development and for a forum with no SMTP server yet.</summary>
public sealed class PickupDirectoryMailTransport(ForumPaths paths) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.MailPickupDirectory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var final = Path.Combine(paths.MailPickupDirectory, name);
        var temporary = final + ".tmp";

        // Write then rename, so a reader never opens a half-written file.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, final, overwrite: true);
    }

    public Task EndBatchAsync() => Task.CompletedTask;
}

/// <summary>
/// Sends through an SMTP server with MailKit, never falling back to plain text when TLS was asked for. One
/// connection serves a whole batch; any failure drops it, so the next message starts clean.
/// </summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport, IDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var client = _client is { IsConnected: true } ? _client : await ConnectAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            Drop();
            throw;
        }
    }

    public async Task EndBatchAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
            {
                // The server went away first; nothing was in flight.
            }
        }
        Drop();
    }

    public void Dispose() => Drop();

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        Drop();
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        _client = client;
        var security = smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        return client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }
}
