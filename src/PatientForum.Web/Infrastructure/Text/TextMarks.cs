using System.Globalization;
using System.Text;

namespace PatientForum.Web.Infrastructure.Text;

/// <summary>
/// Combining marks (accents, vowel signs, enclosing circles) that follow a base character. Lengths are counted in
/// characters as readers see them, and a letter followed by thousands of marks is one such character, so without a
/// limit on marks a "150-character" title could hold megabytes and draw over the text around it.
/// </summary>
public static class TextMarks
{
    /// <summary>
    /// The most marks one character may carry. Real writing needs at most three or four (Vietnamese tone and vowel
    /// marks, Hebrew points with cantillation, a keycap emoji); more is decoration that spills over the page.
    /// </summary>
    public const int MaxPerCharacter = 4;

    /// <summary>The longest run of combining marks on one base character in <paramref name="value"/>.</summary>
    public static int MostOnOneCharacter(string value)
    {
        var most = 0;
        var run = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            run = IsMark(rune) ? run + 1 : 0;
            most = Math.Max(most, run);
        }
        return most;
    }

    /// <summary>Whether some character of <paramref name="value"/> carries more than <see cref="MaxPerCharacter"/> marks.</summary>
    public static bool TooMany(string value) => MostOnOneCharacter(value) > MaxPerCharacter;

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
