namespace PatientForum.Web.Data;

/// <summary>
/// One member's reaction of one kind to one post. A member gives each kind to a post once (a unique index), and
/// pressing the same button again takes it back, which removes the row.
/// </summary>
public class PostReaction
{
    public long Id { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public required string UserId { get; set; }
    public ReactionKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// The reactions a patient community offers: ways to say a post helped or was shared, never a way to disagree
/// (there is no dislike).
/// </summary>
public enum ReactionKind
{
    Helpful = 0,
    MeToo = 1,
    Support = 2,
}

/// <summary>How each <see cref="ReactionKind"/> is named in URLs, on buttons and in live pushes.</summary>
public static class ReactionKinds
{
    /// <summary>Every kind, in the order the buttons show them.</summary>
    public static readonly IReadOnlyList<ReactionKind> All = [ReactionKind.Helpful, ReactionKind.MeToo, ReactionKind.Support];

    /// <summary>The kind's name in a URL and in a push: helpful, me-too, support.</summary>
    public static string Slug(ReactionKind kind) => kind switch
    {
        ReactionKind.MeToo => "me-too",
        ReactionKind.Support => "support",
        _ => "helpful",
    };

    /// <summary>The words on the kind's button.</summary>
    public static string Label(ReactionKind kind) => kind switch
    {
        ReactionKind.MeToo => "Me too",
        ReactionKind.Support => "Sending support",
        _ => "Helpful",
    };

    /// <summary>What a screen reader says for the kind's button or count: "Helpful, 3 people".</summary>
    public static string Spoken(ReactionKind kind, int count) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Label(kind)}, {count} {(count == 1 ? "person" : "people")}");

    /// <summary>The kind a URL names, or null for a name that is none.</summary>
    public static ReactionKind? FromSlug(string? slug) => All.Select(k => (ReactionKind?)k).FirstOrDefault(k => Slug(k!.Value) == slug);
}
