using System.Globalization;
using System.Text;

namespace PatientForum.Web.Features.Profiles;

/// <summary>A member's generated picture: up to two initials on one of the palette's colours (tokens.css, <c>.avatar-{Colour}</c> in site.css).</summary>
public sealed record Avatar(string Initials, int Colour)
{
    public string CssClass => string.Create(CultureInfo.InvariantCulture, $"avatar-{Colour}");
}

/// <summary>
/// Makes a member's avatar from their display name alone, the same every time and on every instance: no upload, no
/// third-party service, nothing stored. Initials are the first letter of the first and the last word; in a script
/// without capitals (Chinese, Japanese, Korean, Arabic, Hebrew, Thai…) only the first, since two such characters read as a
/// word. Emoji and other symbols are passed over. The colour comes from a hash of the name, not from the runtime's
/// string hash, which changes with every process.
/// </summary>
public static class Avatars
{
    /// <summary>
    /// How many colours tokens.css defines (<c>--avatar-0</c> to <c>--avatar-11</c>), each dark enough that white text on it
    /// has a contrast ratio of at least 4.5:1 (a test reads them from the stylesheet).
    /// </summary>
    public const int PaletteSize = 12;

    private static readonly char[] s_wordBreaks = [' ', '.', '_', '-'];

    public static Avatar Of(string displayName) => new(Initials(displayName), Colour(displayName));

    public static string Initials(string displayName)
    {
        var firsts = displayName.Split(s_wordBreaks, StringSplitOptions.RemoveEmptyEntries).Select(FirstLetter).OfType<string>().ToList();
        if (firsts.Count == 0)
        {
            // Nothing but symbols: show the first of them rather than nothing.
            var trimmed = displayName.Trim();
            return trimmed.Length == 0 ? "?" : StringInfo.GetNextTextElement(trimmed);
        }
        var first = firsts[0].ToUpperInvariant();
        return firsts.Count == 1 || IsCaseless(first) ? first : first + firsts[^1].ToUpperInvariant();
    }

    /// <summary>An index into the palette: FNV-1a over the name's UTF-8 bytes, so it is the same in every process.</summary>
    public static int Colour(string displayName)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(displayName))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return (int)(hash % PaletteSize);
    }

    /// <summary>The word's first letter or digit with its accents (a whole text element), or null when it has none.</summary>
    private static string? FirstLetter(string word)
    {
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (Rune.TryGetRuneAt(element, 0, out var rune) && (Rune.IsLetter(rune) || Rune.IsDigit(rune)))
            {
                return element;
            }
        }
        return null;
    }

    /// <summary>A letter of a script without capitals (Unicode's "other letter"): ideographs, syllables, abjads.</summary>
    private static bool IsCaseless(string letter) =>
        Rune.GetUnicodeCategory(Rune.GetRuneAt(letter, 0)) == UnicodeCategory.OtherLetter;
}
