using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>One kind of content warning: a stable key (stored with posts and members' settings) and what readers see.</summary>
public sealed class ContentWarningKind
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
}

/// <summary>
/// The <c>Forum:ContentWarnings</c> section: the warnings an author (or a moderator) may put on a post. Keys are
/// stored, so renaming a label is safe and removing a key leaves its posts warned under the key itself.
/// </summary>
public sealed partial class ContentWarningOptions : IValidatableObject
{
    public const string SectionName = "Forum:ContentWarnings";

    /// <summary>The kinds offered, in the order the composer lists them; the defaults when the section names none.</summary>
    public List<ContentWarningKind> Kinds { get; set; } = [];

    /// <summary>Used when configuration lists no kinds (a configured list replaces these, it does not add to them).</summary>
    public static IReadOnlyList<ContentWarningKind> Defaults { get; } =
    [
        new() { Key = "medical-detail", Label = "graphic medical detail" },
        new() { Key = "needles", Label = "needles" },
        new() { Key = "surgery", Label = "surgery images or descriptions" },
        new() { Key = "self-harm", Label = "self-harm" },
        new() { Key = "death-loss", Label = "death or loss" },
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kinds.Count > ContentWarningLimits.KindsMax)
        {
            yield return new($"Forum:ContentWarnings:Kinds may list at most {ContentWarningLimits.KindsMax} kinds.");
        }
        for (var i = 0; i < Kinds.Count; i++)
        {
            var kind = Kinds[i];
            if (!KeyPattern().IsMatch(kind.Key ?? ""))
            {
                yield return new($"Forum:ContentWarnings:Kinds:{i}:Key must be 1 to 30 lower-case letters, digits or hyphens.");
            }
            if (string.IsNullOrWhiteSpace(kind.Label) || kind.Label.Length > 60)
            {
                yield return new($"Forum:ContentWarnings:Kinds:{i}:Label must be 1 to 60 characters.");
            }
            if (Kinds.Take(i).Any(k => k.Key == kind.Key))
            {
                yield return new($"Forum:ContentWarnings:Kinds:{i}:Key repeats the key \"{kind.Key}\".");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,30}$")]
    private static partial Regex KeyPattern();
}

/// <summary>Bounds that keep the stored key lists short: at most 10 keys of at most 30 characters, space-separated.</summary>
public static class ContentWarningLimits
{
    public const int KindsMax = 10;
    public const int StoredMax = 400;
}
