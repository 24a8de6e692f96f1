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

    /// <summary>True for the post that opened the thread.</summary>
    public bool IsOpening { get; set; }

    /// <summary>
    /// A token the compose form carries, unique per author, so a double submit saves one post.
    /// </summary>
    public Guid? SubmissionToken { get; set; }

    public List<PostRevision> Revisions { get; } = [];
}
