namespace PatientForum.Web.Data;

/// <summary>
/// Something a member should hear of: one row per post and recipient, so a row can be withdrawn when its post is
/// hidden. Replies in one thread are shown as one entry ("10 new replies in …") by grouping unread rows on read.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public required string RecipientId { get; set; }
    public NotificationKind Kind { get; set; }
    public int ThreadId { get; set; }
    public ForumThread? Thread { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }

    /// <summary>Who caused it: the reply's author, or null for a moderator's action (staff act as "a moderator").</summary>
    public string? ActorId { get; set; }
    public ForumUser? Actor { get; set; }

    /// <summary>For a moderator's action: the reason they gave, shown to the post's author only.</summary>
    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>When it went out by mail (alone or in a summary); null while it has not, and for ever if the member reads it first.</summary>
    public DateTime? MailedAt { get; set; }
}

public enum NotificationKind
{
    /// <summary>A reply in a thread the member watches, or in a topic they watch.</summary>
    Reply = 0,

    /// <summary>The post names the member with @DisplayName.</summary>
    Mention = 1,

    /// <summary>The post quotes one of the member's posts.</summary>
    Quote = 2,

    /// <summary>A moderator hid the member's post.</summary>
    PostHidden = 3,

    /// <summary>A moderator restored the member's post.</summary>
    PostRestored = 4,

    /// <summary>A moderator edited the member's post.</summary>
    PostEditedByModerator = 5,

    /// <summary>A new thread in a topic the member watches.</summary>
    NewThread = 6,

    /// <summary>Members reacted to the member's post: one row per post, renewed by each new reaction.</summary>
    Reaction = 7,

    /// <summary>A moderator revealed which member writes under one of the member's aliases (the notice never says who).</summary>
    AliasRevealed = 8,

    /// <summary>A moderator put a note on the member's post, or changed it; the note is the reason.</summary>
    PostLabelled = 9,

    /// <summary>A moderator took the note off the member's post; the moderator's reason, if any, is the reason.</summary>
    PostLabelRemoved = 10,

    /// <summary>"How is it now?": a follow-up is due on the member's treatment story (the post is its opening post).</summary>
    FollowUpPrompt = 11,
}
