using Microsoft.AspNetCore.Identity;

namespace PatientForum.Web.Data;

/// <summary>A forum member. The display name is public; the email address never is.</summary>
public class ForumUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Upper-cased display name, unique, so "Anna" and "anna" cannot both exist.</summary>
    public required string NormalizedDisplayName { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Until when the member may read but not post or flag; <see cref="DateTime.MaxValue"/> means indefinitely.</summary>
    public DateTime? SuspendedUntil { get; set; }

    public string? SuspensionReason { get; set; }

    /// <summary>True for accounts that the forum itself owns, such as the guide's author. They cannot sign in.</summary>
    public bool IsSystem { get; set; }

    /// <summary>Whether starting or replying to a thread watches it (on unless the member turns it off).</summary>
    public bool AutoWatch { get; set; } = true;

    /// <summary>How replies in watched threads and topics are mailed: a daily summary unless the member chooses otherwise.</summary>
    public MailFrequency ReplyMail { get; set; } = MailFrequency.Daily;

    /// <summary>Whether mentions and quotes are mailed at once (on unless the member turns it off).</summary>
    public bool MentionMail { get; set; } = true;

    /// <summary>Whether a moderator's action on the member's post is mailed at once (on unless the member turns it off).</summary>
    public bool ModerationMail { get; set; } = true;

    /// <summary>
    /// Whether notification mail may quote the post's text. Off unless the member opts in: health details in a shared
    /// mailbox or a lock-screen preview are read by others.
    /// </summary>
    public bool MailIncludesText { get; set; }

    /// <summary>
    /// The content warning keys whose posts the member always sees open, space-separated; any other warned post is
    /// collapsed for them, as it is for visitors.
    /// </summary>
    public string? ShownContentWarnings { get; set; }

    /// <summary>When the last daily or weekly summary went out, so the next waits its period.</summary>
    public DateTime? LastSummaryMailAt { get; set; }

    /// <summary>
    /// When the member deleted their account; null while it is in use. A deleted account is a tombstone: no name,
    /// address or secret, locked for ever, kept only so the posts left for the community still have an author row.
    /// </summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Light, dark or the device's setting; also kept in a cookie so the page can apply it before it paints.</summary>
    public ThemeChoice Theme { get; set; }
}

public enum MailFrequency
{
    Never = 0,

    /// <summary>Within minutes, several replies in a thread taken together.</summary>
    Immediately = 1,

    Daily = 2,
    Weekly = 3,
}

/// <summary>The colour theme a member chose in the header's menu. Stored as an int: new values go at the end.</summary>
public enum ThemeChoice
{
    /// <summary>Follows the device's light or dark setting.</summary>
    System = 0,
    Light = 1,
    Dark = 2,
}
