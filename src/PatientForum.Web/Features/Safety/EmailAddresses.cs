using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Safety;

/// <summary>Email addresses; an @mention of a member has no dotted domain and is left alone.</summary>
internal static partial class EmailAddresses
{
    public static IEnumerable<PersonalInformationFinding> Find(string text) =>
        Email().Matches(text).Select(m => new PersonalInformationFinding(PersonalInformationKind.EmailAddress, m.Index, m.Length));

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b")]
    private static partial Regex Email();
}
