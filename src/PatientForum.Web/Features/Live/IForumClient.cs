namespace PatientForum.Web.Features.Live;

/// <summary>What the server pushes to open pages. HTML always comes from the same partials a page load uses.</summary>
public interface IForumClient
{
    /// <summary>A new reply, rendered by Features/Shared/_Post.</summary>
    Task PostAdded(PostFragment post);

    /// <summary>An edited post, to replace in place.</summary>
    Task PostUpdated(PostFragment post);

    /// <summary>How many posts wait in the moderation queue (moderators only).</summary>
    Task QueueCount(int count);

    /// <summary>A thread row for a topic page, rendered by Features/Shared/_ThreadRow: a new thread or new activity.</summary>
    Task ThreadActivity(ThreadRowFragment thread);

    /// <summary>How many pages have the thread open now.</summary>
    Task Presence(int threadId, int readers);

    /// <summary>The member's own notifications changed; the page asks <see cref="ForumHub.UnreadNotifications"/> for the count.</summary>
    Task NotificationsChanged();

    /// <summary>A signed-in member is writing a reply.</summary>
    Task Typing(int threadId, string displayName);

    /// <summary>
    /// The thread was hidden and the connection taken out of its group; the page joins again, which only those who
    /// may still read it (staff and the thread's author) are let do.
    /// </summary>
    Task ThreadGone(int threadId);

    /// <summary>A post's reaction counts changed; sent only for a post the public may read.</summary>
    Task ReactionsChanged(ReactionCountsFragment reactions);
}

/// <summary>A post's reaction counts by kind (helpful, me-too, support), for the thread's open pages.</summary>
public sealed record ReactionCountsFragment(int ThreadId, int PostId, IReadOnlyDictionary<string, int> Counts);

public sealed record PostFragment(int ThreadId, int PostId, string Html);

public sealed record ThreadRowFragment(string TopicSlug, int ThreadId, bool IsPinned, string Html);

/// <summary>
/// Rows of threads that changed, oldest change first, for a topic page catching up; <paramref name="Next"/> is where
/// to ask again when there were more than one call returns, and null once the page has them all.
/// </summary>
public sealed record ThreadActivityPage(IReadOnlyList<ThreadRowFragment> Threads, string? Next);
