namespace PatientForum.Web.Data;

public class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    public List<ForumThread> Threads { get; } = [];
}
