namespace PatientForum.Web.Data;

/// <summary>One message in a thread. Markdown is what the author wrote; Html is its sanitized rendering, made once at save.</summary>
public class Post
{
    public int Id { get; set; }
    public int ThreadId { get; set; }
    public ForumThread? Thread { get; set; }
    public required string AuthorId { get; set; }
    public ForumUser? Author { get; set; }
    public required string Markdown { get; set; }
    public required string Html { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }

    /// <summary>Whether readers see the post, or a notice in its place.</summary>
    public PostState State { get; set; }

    /// <summary>True when the last edit was made by a moderator, which the post then says.</summary>
    public bool EditedByModerator { get; set; }

    /// <summary>True for the post that opened the thread.</summary>
    public bool IsOpening { get; set; }

    /// <summary>
    /// A token the compose form carries, unique per author, so a double submit saves one post.
    /// </summary>
    public Guid? SubmissionToken { get; set; }

    /// <summary>
    /// When the author deleted the post (<see cref="PostState.DeletedByAuthor"/>): they may undo it for a while,
    /// after which its text and history are purged for good.
    /// </summary>
    public DateTime? DeletedByAuthorAt { get; set; }

    /// <summary>
    /// The kinds of personal information (comma-separated names of <c>PersonalInformationKind</c>) the author was
    /// warned about and posted anyway, so moderators can find such posts; never the matched text. Null when none.
    /// </summary>
    public string? PostedAnywayKinds { get; set; }

    /// <summary>
    /// The content warnings the post carries: keys of Forum:ContentWarnings:Kinds, space-separated, or null for none.
    /// A warned post is shown collapsed and its text is never excerpted (see Features/ContentWarnings/PostExcerpts).
    /// </summary>
    public string? ContentWarnings { get; set; }

    /// <summary>
    /// The warnings among <see cref="ContentWarnings"/> that a moderator added, in the same stored form: the author's
    /// edit keeps them (a moderator's warning is not the author's to take away); null for none.
    /// </summary>
    public string? ModeratorContentWarnings { get; set; }

    /// <summary>
    /// True while the post has never been published: it was held for review when it was posted, and no moderator has
    /// approved it. Hiding such a post leaves no notice for the public, who never saw it.
    /// </summary>
    public bool NeverPublished { get; set; }

    /// <summary>
    /// A moderator's note shown with the post, e.g. that a dose it names is unsafe; plain text, null when there is none.
    /// The post stays readable under it.
    /// </summary>
    public string? ModeratorNote { get; set; }

    /// <summary>Where the note points readers: a thread of this forum (such as a part of the guide) or an https address.</summary>
    public string? ModeratorNoteUrl { get; set; }

    /// <summary>
    /// The author wrote it as staff: they held a moderator's or admin's role and ticked "post as staff" in the composer,
    /// not under an alias. Only such a post shows the staff badge, and only while its author still holds the role, so
    /// a moderator can tell their own story as a patient, without the badge lending it the forum's authority.
    /// </summary>
    public bool AsStaff { get; set; }

    public List<PostRevision> Revisions { get; } = [];

    /// <summary>
    /// Replaces the post's text, keeping the text it replaces as a revision, so every earlier version can still be
    /// read. The one way a post's text changes after it is saved, whether its author or a moderator edits it.
    /// </summary>
    public void Revise(string markdown, string html, string editorId, DateTime now, bool byModerator)
    {
        Revisions.Add(new PostRevision { Markdown = Markdown, Html = Html, ReplacedAt = now, EditorId = editorId });
        Markdown = markdown;
        Html = html;
        EditedAt = now;
        EditedByModerator |= byModerator;
    }
}

/// <summary>A post's visibility. Anything but <see cref="Visible"/> shows the public a notice instead of the text.</summary>
public enum PostState
{
    Visible = 0,

    /// <summary>Hidden automatically because enough members flagged it; waits for a moderator.</summary>
    AutoHidden = 1,

    /// <summary>Hidden by a moderator.</summary>
    Hidden = 2,

    /// <summary>Removed by a moderator; kept in the database for the record and for a restore.</summary>
    Deleted = 3,

    /// <summary>Deleted by its author: a stub in the thread; its text is purged once the time to undo has passed.</summary>
    DeletedByAuthor = 4,

    /// <summary>
    /// Held for review by the patient-safety rules before anyone else reads it: only its author and the moderators see
    /// it, anywhere, until a moderator approves it (it is then published) or hides it.
    /// </summary>
    Held = 5,
}
