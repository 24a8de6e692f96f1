using System.Globalization;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// Limits on what a profile may hold, checked after <see cref="ForumText"/> has cleaned it. As for posts, members are
/// told the limits in characters as they count them; the limits in UTF-16 units (twice those) bound what is stored.
/// </summary>
public static class ProfileRules
{
    public const int AboutMax = 2_000;
    public const int AboutMaxUnits = 2 * AboutMax;
    public const int ConditionsMaxLines = 20;
    public const int ConditionLineMax = 100;
    public const int ConditionLineMaxUnits = 2 * ConditionLineMax;

    /// <summary>The "My conditions and treatments" lines as they are kept: each cleaned, empty ones dropped.</summary>
    public static IReadOnlyList<string> Lines(string? conditions) =>
        ForumText.Body(conditions).Split('\n').Select(ForumText.Line).Where(line => line.Length > 0).ToList();

    public static string? AboutProblem(string about)
    {
        var length = ForumText.VisibleLength(about);
        return length switch
        {
            > AboutMax => $"“About me” is too long: use at most {AboutMax:N0} characters (it has {length:N0}).",
            _ when TextMarks.TooMany(about) => MarksProblem("“About me”"),
            _ when about.Length > AboutMaxUnits =>
                $"“About me” is too long: use at most {AboutMax:N0} characters. Emoji and letters with accents added to them count as two or more.",
            _ => null,
        };
    }

    public static string? ConditionsProblem(IReadOnlyList<string> lines)
    {
        if (lines.Count > ConditionsMaxLines)
        {
            return $"List at most {ConditionsMaxLines} conditions and treatments (there are {lines.Count}).";
        }
        foreach (var line in lines)
        {
            var length = ForumText.VisibleLength(line);
            if (length > ConditionLineMax || line.Length > ConditionLineMaxUnits)
            {
                return $"Keep each condition or treatment to {ConditionLineMax} characters; “{Start(line)}…” is longer.";
            }
            if (TextMarks.TooMany(line))
            {
                return MarksProblem("list of conditions and treatments");
            }
        }
        return null;
    }

    public static string? VisibilityProblem(ProfileVisibility visibility) =>
        Enum.IsDefined(visibility) ? null : "Choose who can see this.";

    private static string MarksProblem(string what) =>
        $"The {what} has a letter with more than {TextMarks.MaxPerCharacter} accents or marks stacked on it: remove the extra marks.";

    private static string Start(string line) => new StringInfo(line) is { LengthInTextElements: > 30 } info ? info.SubstringByTextElements(0, 30) : line;
}
