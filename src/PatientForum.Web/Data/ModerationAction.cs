namespace PatientForum.Web.Data;

/// <summary>
/// One entry of the audit log: who did what to which post, thread or member, why and when.
/// Entries are only ever added; <see cref="ForumDbContext"/> refuses to change or delete them.
/// </summary>
public class ModerationAction
{
    public long Id { get; set; }

    /// <summary>The member who acted; null when the change was made from the command line, where nobody signs in.</summary>
    public string? ActorId { get; set; }
    public ForumUser? Actor { get; set; }
    public ModerationKind Kind { get; set; }
    public int? PostId { get; set; }
    public int? ThreadId { get; set; }
    public string? TargetUserId { get; set; }
    public ForumUser? TargetUser { get; set; }
    public string? Reason { get; set; }

    /// <summary>Facts worth keeping with the entry, e.g. "from Rehab to Injections" or "until 2027-01-01".</summary>
    public string? Details { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum ModerationKind
{
    KeepPost = 0,
    HidePost = 1,
    RestorePost = 2,
    DeletePost = 3,
    EditPost = 4,
    LockThread = 5,
    UnlockThread = 6,
    PinThread = 7,
    UnpinThread = 8,
    MoveThread = 9,
    SuspendUser = 10,
    UnsuspendUser = 11,
    GrantModerator = 12,
    RevokeModerator = 13,
    GrantAdmin = 14,
    RevokeAdmin = 15,

    /// <summary>An author deleted the earlier versions of their own post; the entry keeps that it happened, not the text.</summary>
    PurgeHistory = 16,

    /// <summary>A member deleted their account; the entry says how (anonymize or erase) and names nobody.</summary>
    DeleteAccount = 17,
    /// <summary>An admin prepared an export of a member's data for them (the file is the admins' to download).</summary>
    ExportMemberData = 18,

    /// <summary>A moderator made a thread readable by signed-in members only.</summary>
    MakeThreadMembersOnly = 19,

    /// <summary>A moderator made a members-only thread public.</summary>
    MakeThreadPublic = 20,

    /// <summary>A moderator revealed which member posts under an alias; the entry names the alias (target) and the member (details).</summary>
    RevealAlias = 21,

    /// <summary>A moderator approved a post held for review, which published it.</summary>
    ApprovePost = 22,

    /// <summary>A moderator changed a post's content warnings; the details list them as they now are.</summary>
    SetContentWarnings = 23,

    /// <summary>A moderator put a note on a post, or changed it; the entry keeps the note and its link.</summary>
    SetModeratorNote = 24,

    /// <summary>A moderator took a post's note away.</summary>
    RemoveModeratorNote = 25,

    /// <summary>An admin changed a setting at /admin/settings (or reset it to its default); the details hold the key, old and new value.</summary>
    ChangeSetting = 26,

    /// <summary>An admin renamed, described, reordered or changed the options of a topic; the details say what changed.</summary>
    ChangeTopic = 27,

    /// <summary>A moderator mapped what members named under "Other treatment" to a listed treatment; the details say what and how many.</summary>
    MapTreatment = 28,
}
