namespace PatientForum.Web.Data;

/// <summary>A member who hears of every new thread and reply in a topic (unless they muted the thread).</summary>
public class TopicWatch
{
    public required string UserId { get; set; }
    public int TopicId { get; set; }
    public DateTime CreatedAt { get; set; }
}
