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
}
