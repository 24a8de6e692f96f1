namespace PatientForum.Web.Data;

/// <summary>A treatment that stories can be recorded against, seeded from seed/treatments.json.</summary>
public class Treatment
{
    /// <summary>The slug of the catch-all entry whose records carry their own name in <see cref="TreatmentRecord.OtherTreatment"/>.</summary>
    public const string OtherSlug = "other";

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The slugs of the topics whose composer offers it, space-separated; empty offers it everywhere.</summary>
    public string TopicSlugs { get; set; } = "";
    public int SortOrder { get; set; }
}
