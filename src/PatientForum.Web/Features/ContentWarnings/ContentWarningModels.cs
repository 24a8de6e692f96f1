namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>
/// The composer's warning checkboxes: the keys ticked now, and the legend (the author's or a moderator's wording).
/// <see cref="ByModerator"/> are the warnings a moderator added, which the author's form shows ticked and fixed.
/// </summary>
public sealed record ContentWarningChoice(IReadOnlyCollection<string> Chosen, string Legend = "Content warnings (optional)")
{
    public IReadOnlyCollection<string> ByModerator { get; init; } = [];
}

/// <summary>What a form sends: the ticked keys, each under the name <c>ContentWarnings</c>.</summary>
public sealed class ContentWarningsForm
{
    public List<string> ContentWarnings { get; set; } = [];
}

/// <summary>The member's reading setting: the kinds they always see open.</summary>
public sealed record ContentWarningSettingsPage(IReadOnlyList<ContentWarningKind> Kinds, IReadOnlySet<string> Shown, bool Saved);

/// <summary>The moderators' page for a post: its warnings, and its moderator note (the form's values, as sent or as saved).</summary>
public sealed record PostWarningsPage(int PostId, string ThreadTitle, string AuthorName, IReadOnlyCollection<string> Chosen, ModeratorNoteForm Note, bool HasNote);

/// <summary>What the moderator-note form sends; <see cref="Reason"/> is only for taking a note away.</summary>
public sealed class ModeratorNoteForm
{
    public string? Note { get; set; }
    public string? Link { get; set; }
    public string? Reason { get; set; }
}
