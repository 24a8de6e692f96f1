using System.Linq.Expressions;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>How notification kinds are told apart where queries and pages need it.</summary>
public static class NotificationKinds
{
    /// <summary>Kinds that tell a reader about someone's post (as opposed to a moderator's notice to its author).</summary>
    public static readonly Expression<Func<Notification, bool>> AboutReading = n =>
        n.Kind == NotificationKind.Reply || n.Kind == NotificationKind.Mention || n.Kind == NotificationKind.Quote || n.Kind == NotificationKind.NewThread;

    /// <summary>Kinds whose unread rows in one thread are shown as one entry.</summary>
    public static bool IsGrouped(NotificationKind kind) => kind == NotificationKind.Reply;

    /// <summary>
    /// What a notification may still show its recipient: a reader's, only while the post and its thread are public; a
    /// moderator's notice, always (it is about the recipient's own post, which they can still open).
    /// </summary>
    public static readonly Expression<Func<Notification, bool>> StillReadable = n =>
        n.Kind == NotificationKind.PostHidden || n.Kind == NotificationKind.PostRestored || n.Kind == NotificationKind.PostEditedByModerator
        || n.Kind == NotificationKind.AliasRevealed || n.Kind == NotificationKind.PostLabelled
        || n.Kind == NotificationKind.PostLabelRemoved || (n.Post!.State == PostState.Visible && !n.Thread!.IsHidden);
}
