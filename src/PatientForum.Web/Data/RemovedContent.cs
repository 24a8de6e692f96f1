namespace PatientForum.Web.Data;

/// <summary>
/// The id of a thread or post that was removed for good at its author's wish, so that its address answers
/// 410 Gone instead of 404. Nothing else about it is kept: no text, no author, no title.
/// </summary>
public class RemovedContent
{
    public RemovedKind Kind { get; set; }
    public int ContentId { get; set; }
    public DateTime RemovedAt { get; set; }
}

public enum RemovedKind
{
    Thread = 0,
    Post = 1,
}
