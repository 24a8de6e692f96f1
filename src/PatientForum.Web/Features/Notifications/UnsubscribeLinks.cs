using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace PatientForum.Web.Features.Notifications;

/// <summary>What one unsubscribe link stops.</summary>
public enum MailKind
{
    /// <summary>Replies, at once or in summaries.</summary>
    Replies = 0,

    /// <summary>Mentions and quotes.</summary>
    Mentions = 1,

    /// <summary>Moderators' actions on the member's posts.</summary>
    Moderation = 2,
}

/// <summary>The member and mail kind a valid unsubscribe token names.</summary>
public sealed record Unsubscribe(string MemberId, MailKind Kind);

/// <summary>
/// Signed, expiring unsubscribe tokens: the member's id, the kind of mail, and when it was issued, protected by the
/// forum's Data Protection keys (shared by every instance). A changed token does not open; an old one is refused once
/// <see cref="NotificationOptions.UnsubscribeLinkDays"/> have passed on the forum's clock. Using one twice only
/// unsubscribes again.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IOptions<NotificationOptions> options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PatientForum.Notifications.Unsubscribe.v1");

    public string Token(string memberId, MailKind kind) =>
        _protector.Protect(string.Join('|', memberId, (int)kind, clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)));

    /// <summary>What the token stops; null when it was changed, was never the forum's, or has expired (<paramref name="expired"/>).</summary>
    public Unsubscribe? Read(string? token, out bool expired)
    {
        expired = false;
        string payload;
        try
        {
            payload = _protector.Unprotect(token ?? "");
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 3
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var kind) || !Enum.IsDefined((MailKind)kind)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }
        expired = clock.GetUtcNow().UtcTicks - issued > TimeSpan.FromDays(options.Value.UnsubscribeLinkDays).Ticks;
        return expired ? null : new Unsubscribe(parts[0], (MailKind)kind);
    }
}
