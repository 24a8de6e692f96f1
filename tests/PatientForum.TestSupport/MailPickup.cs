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
    public Task<MimeMessage> WaitForAsync(string address, string subject) =>
        PollAsync(
            () => To(address).LastOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase)),
            $"No mail to {address} about '{subject}'");

    /// <summary>Waits until more than <paramref name="than"/> messages to <paramref name="address"/> have arrived, and returns them all.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForMoreThanAsync(string address, int than) =>
        PollAsync(
            () => To(address) is { } messages && messages.Count > than ? messages : null,
            $"No more than {than} mails to {address}");

    /// <summary>Reads the folder until <paramref name="read"/> finds what it looks for (the outbox worker writes it in its own time).</summary>
    private static async Task<T> PollAsync<T>(Func<T?> read, string whatDidNotArrive) where T : class
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (read() is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{whatDidNotArrive} arrived in {s_timeout.TotalSeconds} s.");
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
