namespace PatientForum.Web.Data;

/// <summary>The text a post had before an edit. Revisions are only ever added.</summary>
public class PostRevision
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public required string Markdown { get; set; }
    public required string Html { get; set; }

    /// <summary>When this text was replaced.</summary>
    public DateTime ReplacedAt { get; set; }
    public required string EditorId { get; set; }
    public ForumUser? Editor { get; set; }
}
