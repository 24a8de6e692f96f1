using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// A full date (day, month and year) right after the words that make it a birth date ("born", "DOB", "date of
/// birth", "my birthday is"). Dates of treatment ("on 3/4/2021 I had the injection") are everyday words here.
/// </summary>
internal static partial class DatesOfBirth
{
    public static IEnumerable<PersonalInformationFinding> Find(string text) =>
        BirthDate().Matches(text).Select(m => m.Groups["date"])
            .Select(date => new PersonalInformationFinding(PersonalInformationKind.DateOfBirth, date.Index, date.Length));

    private const string Month =
        "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    private const string Date =
        @"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}(?!\d)" +
        @"|(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)" +
        @"|\d{1,2}(?:st|nd|rd|th)? (?:of )?" + Month + @",? (?:19|20)\d{2}(?!\d)" +
        @"|" + Month + @" \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}(?!\d)";

    [GeneratedRegex(
        @"(?<=\b(?i:born|b\.|DOB|D\.O\.B\.?|date of birth|birth ?date|birthday)(?:['’]s)?\W{0,3}(?:(?i:is|was|on|in|the|as|:) ?){0,3}|\b(?i:born) (?:in|at) \w+(?: \w+)?,? (?i:on) (?:(?i:the) )?)(?<date>" + Date + ")",
        RegexOptions.IgnoreCase)]
    private static partial Regex BirthDate();
}
