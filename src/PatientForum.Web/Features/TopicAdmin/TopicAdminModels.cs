using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.TopicAdmin;

/// <summary>One topic on the admins' page, as saved or as the admin typed it, with its problems.</summary>
public sealed record TopicRow(int Id, string Slug, string Name, string Description, bool AllowAliases, bool MembersOnly, int Threads,
    IReadOnlyDictionary<string, string>? Errors = null)
{
    /// <summary>The address the admin typed, when the form comes back refused.</summary>
    public string? TypedSlug { get; init; }

    /// <summary>When the topic was archived; null for a topic in use.</summary>
    public DateTime? ArchivedAt { get; init; }

    public string? ErrorFor(string field) => Errors?.GetValueOrDefault(field);
}

public sealed record TopicAdminPage(IReadOnlyList<TopicRow> Topics, string? Message)
{
    /// <summary>The add-a-topic form as the admin typed it, when it comes back refused.</summary>
    public NewTopicForm? NewTopic { get; init; }
}

/// <summary>The add-a-topic form as typed, with its problems by field.</summary>
public sealed record NewTopicForm(string Name, string Slug, string Description, bool AllowAliases, bool MembersOnly, IReadOnlyDictionary<string, string> Errors)
{
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>The form beside each topic; the limits are the database's.</summary>
public sealed class TopicForm
{
    [Required(AllowEmptyStrings = false, ErrorMessage = "A topic needs a name.")]
    [StringLength(80, MinimumLength = 2, ErrorMessage = "A topic's name has 2 to 80 characters.")]
    public string? Name { get; set; }

    [StringLength(500, ErrorMessage = "A topic's description has at most 500 characters.")]
    public string? Description { get; set; }

    public bool AllowAliases { get; set; }

    /// <summary>The topic's address, /t/{slug}; empty keeps it (or, for a new topic, makes it from the name).</summary>
    public string? Slug { get; set; }

    /// <summary>For a new topic only: every thread in it is for members.</summary>
    public bool MembersOnly { get; set; }
}
