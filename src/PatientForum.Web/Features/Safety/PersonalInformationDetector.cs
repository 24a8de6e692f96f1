using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// Finds personal information in a title or body (plain text or Markdown) before it is published. One instance serves
/// the composer's preview and the server's check when posting, so both say the same thing.
/// </summary>
public sealed partial class PersonalInformationDetector(IOptions<SafetyOptions> options)
{
    // When two findings cover the same characters the more specific kind wins: an NHS number is also a possible
    // phone number, a date of birth is also a date, an email address holds a domain.
    private static readonly PersonalInformationKind[] s_precedence =
    [
        PersonalInformationKind.EmailAddress,
        PersonalInformationKind.RecordNumber,
        PersonalInformationKind.DateOfBirth,
        PersonalInformationKind.Postcode,
        PersonalInformationKind.StreetAddress,
        PersonalInformationKind.PhoneNumber,
        PersonalInformationKind.ClinicianOrHospitalName,
    ];

    private readonly PhoneNumberFinder _phones = new(options.Value.EffectivePhoneRegions);

    /// <summary>The findings in reading order; none overlap.</summary>
    public IReadOnlyList<PersonalInformationFinding> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var links = WebAddress().Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var candidates = EmailAddresses.Find(text)
            .Concat(RecordNumbers.Find(text))
            .Concat(DatesOfBirth.Find(text))
            .Concat(Addresses.Find(text))
            .Concat(_phones.Find(text))
            .Concat(ClinicianAndHospitalNames.Find(text))
            // A web address is where a page lives, not the writer's details: "nhs.uk/…/0300 123" is no phone number.
            .Where(f => !links.Any(link => f.Start >= link.Index && f.End <= link.End))
            .OrderBy(f => Array.IndexOf(s_precedence, f.Kind))
            .ThenByDescending(f => f.Length);

        var kept = new List<PersonalInformationFinding>();
        foreach (var finding in candidates)
        {
            if (!kept.Any(finding.Overlaps))
            {
                kept.Add(finding);
            }
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    // Links and bare addresses of pages; mailto: is left out so an address written as a link still counts.
    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>()\[\]""]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|uk|ie|gov|edu|au|ca|io|info)(?:/[^\s<>()\[\]""]*)?", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
