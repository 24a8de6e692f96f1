using System.Text.RegularExpressions;
using PhoneNumbers;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// Phone numbers through libphonenumber, read as each configured region would dial them. The library's "possible"
/// matcher proposes candidates (it already skips dates, times and page ranges); a candidate counts when the library
/// knows it as a valid number, or when it is written the way only phone numbers are written: with a + and country
/// code, with a leading 0 and ten or more digits, or in the North American (201) 555-0143 groups. The second rule
/// catches numbers the library does not know as allocated (new ranges, a mistyped digit, the drama and 555 ranges),
/// which are still somebody's number in a story. Digits glued to letters are never a phone number.
/// </summary>
internal sealed partial class PhoneNumberFinder(IReadOnlyList<string> regions)
{
    private static readonly PhoneNumberUtil s_util = PhoneNumberUtil.GetInstance();

    public IEnumerable<PersonalInformationFinding> Find(string text)
    {
        var seen = new HashSet<(int, int)>();
        foreach (var region in regions)
        {
            foreach (var match in s_util.FindNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue))
            {
                if (seen.Add((match.Start, match.Length)) && !GluedToAWord(text, match) && LooksLikePhoneNumber(match))
                {
                    yield return new(PersonalInformationKind.PhoneNumber, match.Start, match.Length);
                }
            }
        }
    }

    /// <summary>
    /// Digits run together with letters ("ref4155550143", a code or a token) are part of a word, not a number someone
    /// would dial; the library's own stricter leniencies refuse the same candidates.
    /// </summary>
    private static bool GluedToAWord(string text, PhoneNumberMatch match)
    {
        var end = match.Start + match.Length;
        return (match.Start > 0 && char.IsLetter(text[match.Start - 1])) || (end < text.Length && char.IsLetter(text[end]));
    }

    private static bool LooksLikePhoneNumber(PhoneNumberMatch match)
    {
        var raw = match.RawString.TrimStart('(');
        var digits = raw.Count(char.IsAsciiDigit);
        return s_util.IsValidNumber(match.Number)
            || (raw.StartsWith('+') && digits >= 9)
            || (raw.StartsWith('0') && digits >= 10)
            || NorthAmericanGroups().IsMatch(match.RawString);
    }

    [GeneratedRegex(@"^(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]\d{4}$")]
    private static partial Regex NorthAmericanGroups();
}
