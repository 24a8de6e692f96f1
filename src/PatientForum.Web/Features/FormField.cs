namespace PatientForum.Web.Features;

/// <summary>
/// One labelled input, rendered by Features/Shared/_Field with its hint and its first error, wired up with
/// aria-describedby and aria-invalid so screen readers announce both.
/// </summary>
public sealed record FormField(
    string Name,
    string Label,
    string? Value,
    string Type = "text",
    string? Hint = null,
    string? Autocomplete = null,
    int? MaxLength = null,
    bool Required = true,
    string? InputMode = null);
