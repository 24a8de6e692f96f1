using System.Security.Claims;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Threads;

/// <summary>Who is reading: decides whether hidden threads and posts are shown.</summary>
public sealed record Viewer(string? UserId, bool IsModerator)
{
    public static Viewer Anonymous { get; } = new(null, false);

    public static Viewer From(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true
        ? new Viewer(user.FindFirstValue(ClaimTypes.NameIdentifier), IsStaff(user))
        : Anonymous;

    /// <summary>
    /// Staff privileges (hidden content, no posting limits) apply only while the moderation pages would open too:
    /// two-factor on where required, not suspended. See <see cref="ForumClaims.ActiveStaff"/>.
    /// </summary>
    public static bool IsStaff(ClaimsPrincipal user) => ForumClaims.IsActiveStaff(user);

    /// <summary>Holds a staff role, whether or not its privileges are active yet (for telling staff what they must do).</summary>
    public static bool HoldsStaffRole(ClaimsPrincipal user) => user.IsInRole(ForumRoles.Moderator) || user.IsInRole(ForumRoles.Admin);
}

/// <summary>A topic on the home page, with its thread count and latest activity.</summary>
public sealed record TopicSummary(string Slug, string Name, string Description, int ThreadCount, DateTime? LastActivityAt);

/// <summary>A row in a topic's thread list.</summary>
public sealed record ThreadListItem(
    int Id, string TopicSlug, string Title, string Slug, string AuthorName, int ReplyCount, DateTime CreatedAt, DateTime LastActivityAt, bool IsPinned, bool IsLocked);

public sealed record TopicPage(int Id, string Slug, string Name, string Description, IReadOnlyList<ThreadListItem> Threads, Paging Paging);

/// <summary>One post as every page shows it. The author's email is never part of it.</summary>
public sealed record PostView(
    int Id, int ThreadId, string AuthorId, string AuthorName, string Html, DateTime CreatedAt, DateTime? EditedAt, bool IsOpening,
    PostState State, bool EditedByModerator);

public sealed record ThreadPage(
    int Id, string Title, string Slug, string TopicSlug, string TopicName, bool IsPinned, bool IsLocked, bool IsGuide, bool IsHidden,
    IReadOnlyList<PostView> Posts, Paging Paging);

/// <summary>A part of the patient guide, in reading order.</summary>
public sealed record GuideEntry(int Order, int ThreadId, string Title, string Slug, string TopicSlug, string TopicName, int ReplyCount);

/// <summary>Where a page sits in a list; pages count from 1.</summary>
public sealed record Paging(int Page, int PageSize, int TotalItems)
{
    public int TotalPages => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
    public bool IsValid => Page >= 1 && Page <= TotalPages;
    public int Skip => (Page - 1) * PageSize;
}
