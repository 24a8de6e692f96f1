namespace PatientForum.Web.Data;

/// <summary>
/// What a member has written in a composer and not yet posted, kept so that they find it again on any device. One per
/// member and composer: a reply to a thread (<see cref="TargetId"/> is the thread's id) or a new thread in a topic (the
/// topic's id). Private to the member: never cached, searched, pushed or logged, and removed after
/// <c>Forum:Drafts:KeepDays</c>.
/// </summary>
public class Draft
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public DraftKind Kind { get; set; }
    public int TargetId { get; set; }

    /// <summary>Only for a new thread.</summary>
    public string? Title { get; set; }

    public string Body { get; set; } = "";

    /// <summary>The content warnings ticked in the composer, stored as a post stores them; null for none.</summary>
    public string? ContentWarnings { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum DraftKind
{
    /// <summary>A reply; the target is the thread.</summary>
    Reply = 0,

    /// <summary>A new thread; the target is the topic.</summary>
    NewThread = 1,
}
