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
}

/// <summary>Sends through an SMTP server with MailKit, never falling back to plain text when TLS was asked for.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
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
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
