using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// One line of the notifications page: a single notification, or unread replies in one thread taken together
/// (<see cref="Count"/> of them, opening at the first). For reactions to a post, <see cref="Count"/> is how many
/// members have reacted to it.
/// </summary>
public sealed record NotificationEntry(
    long Id, NotificationKind Kind, int Count, string ThreadTitle, string? ActorName, string? Reason, DateTime At, bool IsUnread)
{
    /// <summary>What happened, in words; the thread's title is shown beside it.</summary>
    public string Summary => Actor is null ? Action : $"{Actor} {Action}";

    /// <summary>The member the line names as having acted (a reply, a new thread, a mention, a quote), or null when it names none.</summary>
    public string? Actor => Kind switch
    {
        NotificationKind.Reply or NotificationKind.Reaction when Count > 1 => null,
        NotificationKind.Reply or NotificationKind.NewThread or NotificationKind.Mention or NotificationKind.Quote or NotificationKind.Reaction => ActorName ?? "Someone",
        _ => null,
    };

    /// <summary>What happened, after the name of who did it (<see cref="Actor"/>) when the line names one.</summary>
    public string Action => Kind switch
    {
        NotificationKind.Reply when Count > 1 => $"{Count} new replies in",
        NotificationKind.Reply => "replied in",
        NotificationKind.NewThread => "started",
        NotificationKind.Mention => "mentioned you in",
        NotificationKind.Quote => "quoted you in",
        NotificationKind.Reaction when Count > 1 => $"{Count} people reacted to your post in",
        NotificationKind.Reaction => "reacted to your post in",
        NotificationKind.PostHidden => "A moderator hid your post in",
        NotificationKind.PostRestored => "A moderator restored your post in",
        NotificationKind.PostEditedByModerator => "A moderator edited your post in",
        NotificationKind.PostLabelled => "A moderator added a note to your post in",
        NotificationKind.PostLabelRemoved => "A moderator took the note off your post in",
        NotificationKind.AliasRevealed => "A moderator looked up who writes under your alias, for your post in",
        NotificationKind.FollowUpPrompt => "How is it now? Add a follow-up to your story",
        _ => "Activity in",
    };
}

public sealed record NotificationsPage(IReadOnlyList<NotificationEntry> Entries, int UnreadCount, Paging Paging);

/// <summary>The watch control on a thread page.</summary>
public sealed record ThreadWatchModel(int ThreadId, WatchLevel Level, bool ByTopic);

/// <summary>The watch control on a topic page.</summary>
public sealed record TopicWatchModel(string TopicSlug, bool Watching);

/// <summary>The form a watch control posts.</summary>
public sealed record WatchForm(WatchLevel Level);
