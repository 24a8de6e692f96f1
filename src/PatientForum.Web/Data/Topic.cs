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

    /// <summary>Members may post under a per-topic alias (seed/topics.json's "allowAliases", on unless set false).</summary>
    public bool AllowAliases { get; set; } = true;

    /// <summary>
    /// An admin changed the topic at /admin/topics: seeding from seed/topics.json then leaves its name, description,
    /// order and alias option as the admin left them, as it leaves a moderator's move of a guide thread.
    /// </summary>
    public bool ChangedByAdmin { get; set; }

    /// <summary>
    /// When an admin archived the topic (it had no threads left): it is listed nowhere and takes no threads, its address
    /// answers 404, and its slug stays taken. Null for a topic in use.
    /// </summary>
    public DateTime? ArchivedAt { get; set; }
    public List<ForumThread> Threads { get; } = [];

    /// <summary>The topic's former slugs, whose addresses redirect to its own.</summary>
    public List<TopicSlugRedirect> FormerSlugs { get; } = [];
}

/// <summary>Topics in use: not archived.</summary>
public static class TopicQueries
{
    public static IQueryable<Topic> InUse(this IQueryable<Topic> topics) => topics.Where(t => t.ArchivedAt == null);
}
