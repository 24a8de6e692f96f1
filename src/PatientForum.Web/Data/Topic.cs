namespace PatientForum.Web.Data;

public class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>Every thread in the topic is for members only (set from seed/topics.json's "membersOnly").</summary>
    public bool MembersOnly { get; set; }
    public List<ForumThread> Threads { get; } = [];
}
