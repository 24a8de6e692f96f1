using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Rules for public display names: 3 to 40 letters, digits, spaces and . _ ' -, with no invisible characters, and
/// none that looks like a name already taken (<see cref="Normalize"/>), so nobody can pass for another member or a
/// moderator with a look-alike.
/// </summary>
public static partial class DisplayNames
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    public static string Clean(string? value) => ForumText.Line(value);

    /// <summary>
    /// The name as it is compared for uniqueness (and kept in NormalizedDisplayName): its confusable skeleton, so that
    /// "ModName", "modname", "M&#x43E;dName" (Cyrillic o) and "M0dName" are one name.
    /// </summary>
    public static string Normalize(string cleaned) => DisplayNameSkeleton.Of(cleaned);

    /// <summary>Returns a message for the form, or null when the name is acceptable.</summary>
    public static string? Problem(string cleaned)
    {
        // Text elements for what a reader counts, UTF-16 units for what the database column holds (varchar(40)),
        // so a letter buried under combining marks is a form error rather than a failed save.
        var length = ForumText.VisibleLength(cleaned);
        if (length < MinLength || length > MaxLength || cleaned.Length > MaxLength || Normalize(cleaned).Length > MaxLength)
        {
            return $"A display name has {MinLength} to {MaxLength} characters.";
        }
        if (Normalize(cleaned) == Normalize(FormerMember.DisplayName))
        {
            return $"\"{FormerMember.DisplayName}\" is how the forum shows deleted accounts. Choose another name.";
        }
        if (AliasName.IsReserved(Normalize(cleaned)))
        {
            return "Names like \"Member 1234\" are how the forum shows aliases. Choose another name.";
        }
        if (cleaned.EnumerateRunes().Any(IsDefaultIgnorable))
        {
            return "A display name may not hold invisible characters.";
        }
        return AllowedPattern().IsMatch(cleaned)
            ? null
            : "A display name may use letters, digits, spaces and . _ ' - only.";
    }

    /// <summary>
    /// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters that render as nothing, so a
    /// name holding one looks exactly like the name without it.
    /// </summary>
    private static bool IsDefaultIgnorable(Rune rune) => rune.Value switch
    {
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format,
    };

    [GeneratedRegex(@"^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._'\-]*$")]
    private static partial Regex AllowedPattern();
}
