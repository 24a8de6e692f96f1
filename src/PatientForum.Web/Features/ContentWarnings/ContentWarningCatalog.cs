using Microsoft.Extensions.Options;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>
/// The configured warning kinds, and the one way a chosen set of keys is stored (known keys only, in the configured
/// order, space-separated, null for none) and read back as the labels readers see.
/// </summary>
public sealed class ContentWarningCatalog(IOptions<ContentWarningOptions> options)
{
    public IReadOnlyList<ContentWarningKind> Kinds { get; } = options.Value.Kinds.Count > 0 ? options.Value.Kinds : ContentWarningOptions.Defaults;

    /// <summary>The stored form of <paramref name="chosen"/>: unknown keys (a tampered form) are dropped.</summary>
    public string? Normalize(IEnumerable<string>? chosen)
    {
        var set = chosen?.ToHashSet(StringComparer.Ordinal) ?? [];
        var keys = Kinds.Select(k => k.Key).Where(set.Contains).ToList();
        return keys.Count == 0 ? null : string.Join(' ', keys);
    }

    /// <summary>The keys of a stored list.</summary>
    public static IReadOnlyList<string> Keys(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The labels of a stored list. A key no longer configured still warns, under the key itself: a removed kind must
    /// not silently open the posts that carried it.
    /// </summary>
    public IReadOnlyList<string> Labels(string? stored) =>
        Keys(stored).Select(key => Kinds.FirstOrDefault(k => k.Key == key)?.Label ?? key).ToList();

    /// <summary>What stands in for the post's text where it would be excerpted: "Content warning: needles, self-harm".</summary>
    public string Notice(string? stored) => $"Content warning: {string.Join(", ", Labels(stored))}";

    /// <summary>Whether a post warned with <paramref name="stored"/> opens for a reader who always shows <paramref name="shown"/>.</summary>
    public static bool OpensFor(string? stored, IReadOnlySet<string>? shown) =>
        Keys(stored) is var keys && (keys.Count == 0 || (shown is not null && keys.All(shown.Contains)));
}
