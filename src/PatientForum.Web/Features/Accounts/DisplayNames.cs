using System.Text.RegularExpressions;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Accounts;

/// <summary>Rules for public display names: 3 to 40 letters, digits, spaces and . _ ' -</summary>
public static partial class DisplayNames
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    public static string Clean(string? value) => ForumText.Line(value);

    public static string Normalize(string cleaned) => cleaned.ToUpperInvariant();

    /// <summary>Returns a message for the form, or null when the name is acceptable.</summary>
    public static string? Problem(string cleaned)
    {
        var length = ForumText.VisibleLength(cleaned);
        if (length is < MinLength or > MaxLength)
        {
            return $"A display name has {MinLength} to {MaxLength} characters.";
        }
        return AllowedPattern().IsMatch(cleaned)
            ? null
            : "A display name may use letters, digits, spaces and . _ ' - only.";
    }

    [GeneratedRegex(@"^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._'\-]*$")]
    private static partial Regex AllowedPattern();
}
