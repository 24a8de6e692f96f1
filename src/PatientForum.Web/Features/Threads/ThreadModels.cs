using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Threads;

/// <summary>
/// A topic on the home page, with the count and latest activity of the threads its reader may read;
/// <paramref name="MembersOnly"/> when every thread in it is for members.
/// </summary>
public sealed record TopicSummary(string Slug, string Name, string Description, int ThreadCount, DateTime? LastActivityAt, bool MembersOnly = false);

/// <summary>
/// A row in a thread list (a topic's, the home page's latest); <paramref name="MembersOnly"/> marks a thread only members
/// can read, and <paramref name="HasModeratorNote"/> one with a visible post that carries a moderator's note.
/// <paramref name="LastReply"/> is the newest visible reply, null when there is none: a hidden, held or deleted reply is
/// never named, so its author is not either (the row then names the reply before it). <paramref name="Treatment"/> sums
/// up the thread's treatment record, when its author gave one, as the thread page's box does.
/// </summary>
public sealed record ThreadListItem(
    int Id, string TopicSlug, string Title, string Slug, string AuthorName, int ReplyCount, DateTime CreatedAt, DateTime LastActivityAt, bool IsPinned, bool IsLocked,
    bool MembersOnly = false, bool HasModeratorNote = false, string TopicName = "", LastReply? LastReply = null, TreatmentGlance? Treatment = null);

/// <summary>A thread's treatment record at a glance: which treatment (the author's words too, for "other"), and the pain before and after, of 10.</summary>
public sealed record TreatmentGlance(string TreatmentName, string? OtherTreatment, int PainBefore, int PainAfter);

/// <summary>Who wrote a thread's newest visible reply (as its byline names them: an alias, never the member behind it) and when.</summary>
public sealed record LastReply(string AuthorId, string AuthorName, DateTime At);

/// <summary>
/// The home page's latest threads: across the topics the viewer may read or in one of them (<paramref name="Topic"/>),
/// newest activity first; <paramref name="Topics"/> are the topics to filter by.
/// </summary>
public sealed record LatestPage(IReadOnlyList<ThreadListItem> Threads, Paging Paging, TopicSummary? Topic, IReadOnlyList<TopicSummary> Topics);

public sealed record TopicPage(
    int Id, string Slug, string Name, string Description, IReadOnlyList<ThreadListItem> Threads, Paging Paging, bool MembersOnly = false);

/// <summary>
/// Who a thread is for: the audience its author chose, whether its topic makes it members-only anyway, who started it,
/// and whether anyone else has posted in it (then its author may no longer make it public: others replied to members).
/// </summary>
public sealed record ThreadAudienceView(ThreadAudience Audience, bool TopicMembersOnly, string AuthorId, bool OthersPosted)
{
    public bool IsMembersOnly => Audience == ThreadAudience.Members || TopicMembersOnly;
}

/// <summary>
/// One post as every page shows it. The author's email is never part of it; <paramref name="AuthorBadge"/> is the
/// staff title shown beside the name (see <see cref="StaffBadges"/>), null for members. <paramref name="ContentWarnings"/> are
/// the post's stored warning keys (null for none), which fold it away behind its warning; <paramref name="ModeratorNote"/>
/// is a moderator's note shown with it, with its optional link.
/// </summary>
public sealed record PostView(
    int Id, int ThreadId, string AuthorId, string AuthorName, string Html, DateTime CreatedAt, DateTime? EditedAt, bool IsOpening,
    PostState State, bool EditedByModerator, DateTime? DeletedByAuthorAt = null, string? AuthorBadge = null, PostReactionsView? Reactions = null,
    string? ContentWarnings = null, string? ModeratorNote = null, string? ModeratorNoteUrl = null, bool NeverPublished = false, bool IsFollowUp = false);

/// <summary>
/// The reactions on a post: how many members gave each kind, and which the viewer gave (none for a visitor, and for
/// pages rendered for a whole group).
/// </summary>
public sealed record PostReactionsView(IReadOnlyDictionary<ReactionKind, int> Counts, IReadOnlySet<ReactionKind> Mine)
{
    public static readonly PostReactionsView None = new(new Dictionary<ReactionKind, int>(), new HashSet<ReactionKind>());

    /// <summary>Set by a page that shows reaction buttons, to whether the viewer may react at all (signed in, confirmed, not suspended).</summary>
    public const string CanReactKey = "CanReact";

    public int Count(ReactionKind kind) => Counts.GetValueOrDefault(kind);

    /// <summary>Every kind's count by its slug, as a live push and the buttons' script carry them.</summary>
    public IReadOnlyDictionary<string, int> BySlug() => ReactionKinds.All.ToDictionary(ReactionKinds.Slug, Count);
}

public sealed record ThreadPage(
    int Id, string Title, string Slug, string TopicSlug, string TopicName, bool IsPinned, bool IsLocked, bool IsGuide, bool IsHidden,
    IReadOnlyList<PostView> Posts, Paging Paging, ThreadAudienceView Audience);

/// <summary>A part of the patient guide, in reading order.</summary>
public sealed record GuideEntry(int Order, int ThreadId, string Title, string Slug, string TopicSlug, string TopicName, int ReplyCount);
