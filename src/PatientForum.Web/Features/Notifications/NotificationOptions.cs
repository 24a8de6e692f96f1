using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Notifications;

/// <summary>The <c>Forum:Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Forum:Notifications";

    /// <summary>
    /// The most members one post can notify by @mention; the rest are named in the post but not notified, and the
    /// composer says so. Keeps a post from paging the whole forum.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Forum:Notifications:MentionLimit must be between 1 and 100.")]
    public int MentionLimit { get; set; } = 10;

    /// <summary>
    /// Minimal mail (on by default): notification mail names no thread, topic or member and quotes nothing, only how
    /// many notifications wait and a link, for members whose mailbox others may read. Off: mail names the thread and
    /// who wrote, and quotes the post for members who opted in.
    /// </summary>
    public bool MinimalMail { get; set; } = true;

    /// <summary>
    /// How long "at once" mail waits, so that several replies in a few minutes go out as one mail, and a notification
    /// the member reads in the forum meanwhile is not mailed at all.
    /// </summary>
    [Range(0, 1440, ErrorMessage = "Forum:Notifications:MailDelayMinutes must be between 0 and 1440.")]
    public int MailDelayMinutes { get; set; } = 5;

    /// <summary>How long an unsubscribe link in a mail keeps working.</summary>
    [Range(1, 3650, ErrorMessage = "Forum:Notifications:UnsubscribeLinkDays must be between 1 and 3650.")]
    public int UnsubscribeLinkDays { get; set; } = 60;
}
