namespace PatientForum.Web.Data;

/// <summary>A slug a topic had before an admin changed it: links to it keep working by a permanent redirect.</summary>
public class TopicSlugRedirect
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public DateTime ChangedAt { get; set; }
}
