using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.TopicAdmin;

/// <summary>One topic on the admins' page, as saved or as the admin typed it, with its problems.</summary>
public sealed record TopicRow(int Id, string Slug, string Name, string Description, bool AllowAliases, bool MembersOnly, int Threads,
    IReadOnlyDictionary<string, string>? Errors = null)
{
    public string? ErrorFor(string field) => Errors?.GetValueOrDefault(field);
}

public sealed record TopicAdminPage(IReadOnlyList<TopicRow> Topics, string? Message);

/// <summary>The form beside each topic; the limits are the database's.</summary>
public sealed class TopicForm
{
    [Required(AllowEmptyStrings = false, ErrorMessage = "A topic needs a name.")]
    [StringLength(80, MinimumLength = 2, ErrorMessage = "A topic's name has 2 to 80 characters.")]
    public string? Name { get; set; }

    [StringLength(500, ErrorMessage = "A topic's description has at most 500 characters.")]
    public string? Description { get; set; }

    public bool AllowAliases { get; set; }
}
