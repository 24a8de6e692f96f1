namespace PatientForum.Web.Features.Live;

/// <summary>
/// The one place that names SignalR groups. Each thread and topic has a second group for the readers of members-only
/// threads (confirmed members and staff, who join both): pushes about a members-only thread go there alone, so a
/// visitor's connection never receives one, even one that joined while the thread was public.
/// </summary>
public static class LiveGroups
{
    public static string Thread(int threadId) => $"thread:{threadId}";

    public static string Topic(string topicSlug) => $"topic:{topicSlug}";

    public static string MembersThread(int threadId) => $"thread:{threadId}:members";

    public static string MembersTopic(string topicSlug) => $"topic:{topicSlug}:members";

    /// <summary>The group that may hear about the thread: its members' group while it is members-only.</summary>
    public static string ThreadFor(int threadId, bool membersOnly) => membersOnly ? MembersThread(threadId) : Thread(threadId);

    /// <summary>The group of the topic's pages that may be sent a thread's row.</summary>
    public static string TopicFor(string topicSlug, bool membersOnly) => membersOnly ? MembersTopic(topicSlug) : Topic(topicSlug);
}
