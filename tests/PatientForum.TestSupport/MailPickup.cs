using System.Text.RegularExpressions;
using MimeKit;

namespace PatientForum.TestSupport;

/// <summary>Reads what the forum's outbox wrote to the pickup folder, waiting a little for the worker.</summary>
public sealed partial class MailPickup(string directory)
{
    /// <summary>Only a safety net: the wait ends as soon as the mail is there, however busy the machine.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public IReadOnlyList<MimeMessage> All() =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.eml").Order().Select(path => MimeMessage.Load(path)).ToList()
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits for a message to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subject)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            var message = To(address).LastOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase));
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {address} about '{subject}' arrived in {s_timeout.TotalSeconds} s.");
    }

    /// <summary>Waits until more than <paramref name="than"/> messages to <paramref name="address"/> have arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMoreThanAsync(string address, int than)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            var messages = To(address);
            if (messages.Count > than)
            {
                return messages;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No more than {than} mails to {address} arrived in {s_timeout.TotalSeconds} s.");
    }

    /// <summary>The first link in the message's text whose path starts with <paramref name="pathPrefix"/>, as a relative URL.</summary>
    public static string LinkIn(MimeMessage message, string pathPrefix)
    {
        foreach (Match match in LinkPattern().Matches(message.TextBody ?? ""))
        {
            var uri = new Uri(match.Value);
            if (uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))
            {
                return uri.PathAndQuery;
            }
        }
        throw new InvalidOperationException($"No {pathPrefix} link in the mail '{message.Subject}'.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
