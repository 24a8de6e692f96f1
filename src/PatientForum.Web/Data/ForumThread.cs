namespace PatientForum.Web.Data;

/// <summary>A conversation in a topic: an opening post and its replies.</summary>
public class ForumThread
{
    public int Id { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public required string AuthorId { get; set; }
    public ForumUser? Author { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Time of the newest post; topic pages sort by it.</summary>
    public DateTime LastActivityAt { get; set; }

    /// <summary>Number of posts after the opening one, kept in step when a reply is saved.</summary>
    public int ReplyCount { get; set; }

    public bool IsPinned { get; set; }

    /// <summary>Order among pinned threads (the guide's reading order).</summary>
    public int PinOrder { get; set; }

    public bool IsLocked { get; set; }

    /// <summary>
    /// True while the opening post is not visible: the thread is then left out of lists and only
    /// moderators (and its author) can open it.
    /// </summary>
    public bool IsHidden { get; set; }

    /// <summary>
    /// Who may read the thread as its author (or a moderator) set it; a members-only topic makes every thread in it
    /// members-only whatever this says. Who may read is decided in one place: <c>ThreadAccess</c>.
    /// </summary>
    public ThreadAudience Audience { get; set; }

    /// <summary>The slug of the seed file this thread came from, or null for threads that members started.</summary>
    public string? SeedKey { get; set; }

    /// <summary>Hash of the seed file's content last applied, so an unchanged file is not rewritten.</summary>
    public string? SeedHash { get; set; }

    public List<Post> Posts { get; } = [];
}
