using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// A member's profile page as one viewer may see it. Every count and list holds only what that viewer may read, so
/// the page tells nobody of a post they could not open. <see cref="StaffNotes"/> is for staff only (null for others).
/// </summary>
public sealed record ProfilePage(
    string DisplayName,
    DateTime? MemberSince,
    bool IsSelf,
    ProfileStats Stats,
    ProfileSection? About,
    ProfileSection? Conditions,
    IReadOnlyList<ProfileThread> Threads,
    IReadOnlyList<ProfileReply> Replies,
    StaffNotes? StaffNotes);

/// <summary>
/// The numbers on a profile, counted over what the viewer may read: reactions received are those on posts the viewer
/// could open.
/// </summary>
public sealed record ProfileStats(int ThreadsStarted, int RepliesWritten, int ReactionsReceived);

/// <summary>
/// A part of the profile the viewer may read: the about-me as sanitized HTML, or the list of conditions. The member
/// themself also sees who else may read it.
/// </summary>
public sealed record ProfileSection(string? Html, IReadOnlyList<string> Lines, ProfileVisibility Visibility);

/// <summary>A thread the member started; <see cref="IsHidden"/> is only ever true for staff, who are shown it marked.</summary>
public sealed record ProfileThread(int Id, string Title, string Slug, string TopicSlug, string TopicName, DateTime CreatedAt, int ReplyCount, bool IsHidden);

/// <summary>A reply the member wrote, with the start of its text; hidden ones (and those in hidden threads) reach staff only.</summary>
public sealed record ProfileReply(int PostId, string ThreadTitle, DateTime CreatedAt, string Excerpt, PostState State, bool ThreadHidden);

/// <summary>What moderators are told on a profile and nobody else: an unconfirmed address, a suspension.</summary>
public sealed record StaffNotes(string UserId, bool Unconfirmed, DateTime? SuspendedUntil);

/// <summary>The profile settings form (<c>/account/profile</c>).</summary>
public sealed record ProfileSettingsForm
{
    public string? About { get; init; }
    public ProfileVisibility AboutVisibility { get; init; }
    public string? Conditions { get; init; }
    public ProfileVisibility ConditionsVisibility { get; init; }
}

/// <summary>The settings page: the form, the member's name for the link to their profile, and a refusal to show.</summary>
public sealed record ProfileSettingsPage(string DisplayName, ProfileSettingsForm Form, bool Saved = false);
