using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// Medical record, hospital, insurance and national ID numbers, and payment card numbers. Schemes with a check digit
/// (NHS and CHI numbers, cards, Irish PPS numbers) must pass it; the others need the words that name them ("MRN",
/// "policy number") right before the number, because a bare number in a pain story is nearly always something else.
/// </summary>
internal static partial class RecordNumbers
{
    public static IEnumerable<PersonalInformationFinding> Find(string text)
    {
        foreach (Match match in NhsNumber().Matches(text))
        {
            if (CheckDigits.IsValidNhsNumber(match.Value))
            {
                yield return Finding(match);
            }
        }
        foreach (Match match in SocialSecurityNumber().Matches(text))
        {
            if (CheckDigits.IsPlausibleSocialSecurityNumber(match.Value))
            {
                yield return Finding(match.Groups["id"]);
            }
        }
        foreach (Match match in CardNumber().Matches(text))
        {
            if (CheckDigits.PassesLuhn(match.Value))
            {
                yield return Finding(match);
            }
        }
        foreach (Match match in PpsNumber().Matches(text))
        {
            if (CheckDigits.IsValidPpsNumber(match.Groups["id"].Value))
            {
                yield return Finding(match.Groups["id"]);
            }
        }
        foreach (Match match in NationalInsuranceNumber().Matches(text))
        {
            yield return Finding(match);
        }
        foreach (Match match in NamedIdentifier().Matches(text))
        {
            var id = match.Groups["id"];
            if (id.Value.Count(char.IsAsciiDigit) >= 4)
            {
                yield return Finding(id);
            }
        }
    }

    private static PersonalInformationFinding Finding(Group group) => new(PersonalInformationKind.RecordNumber, group.Index, group.Length);

    // 3-3-4 digits (or 10 in a row) after "NHS"/"CHI" within the same short phrase; the check digit decides.
    [GeneratedRegex(@"(?<=\b(?i:NHS|CHI|health and care)\b[^\n\d]{0,40})(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")]
    private static partial Regex NhsNumber();

    // Written 123-45-6789 it is a social security number anywhere; written with spaces or none it needs its name.
    [GeneratedRegex(@"(?<![\d-])(?<id>\d{3}-\d{2}-\d{4})(?![\d-])|(?<=\b(?:SSN|SSNs|S\.S\.N\.?|[Ss]ocial [Ss]ecurity(?: number| no\.?| #)?|ITIN|SS#)\W{0,6}(?:(?:is|was)\W{1,3})?)(?<id>\d{3} ?\d{2} ?\d{4})(?!\d)")]
    private static partial Regex SocialSecurityNumber();

    // Visa, Mastercard, Amex, Discover, JCB and Diners lengths, in groups of digits; Luhn decides.
    [GeneratedRegex(@"(?<![\p{L}\d.,/-])(?:4|5[1-5]|2[2-7]|3[0-9]|6[0-9])\d{2,3}(?:[ -]?\d{3,6}){2,4}(?![\d.,/-]?\d)(?!\p{L})")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"(?<=\bPPSN?\b(?: number| no\.?)?\W{0,4}(?:(?:is|was)\W{1,3})?)(?<id>\d{7} ?[A-W][ABWH]?)\b")]
    private static partial Regex PpsNumber();

    // UK National Insurance number: two letters, six digits (maybe in pairs) and A-D.
    [GeneratedRegex(@"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b|(?<=\b(?:NI|[Nn]ational [Ii]nsurance)(?: number| no\.?)?\W{0,4}(?:(?:is|was)\W{1,3})?)[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")]
    private static partial Regex NationalInsuranceNumber();

    // "MRN: A1234567", "hospital number K 882 1934", "member ID XJH882210034", "Medicare number 1EG4-TE5-MK73".
    [GeneratedRegex(@"(?<=\b(?i:MRN|MR#|medical record(?: number| no\.?| #)?|hospital (?:number|no\.?|#|ID)|patient (?:ID|number|no\.?|#)|unit number|record (?:number|no\.?)|NHI(?: number)?|member(?:ship)? (?:ID|number|no\.?|#)|policy (?:number|no\.?|#|ID)|insurance (?:ID|number|no\.?|#)|subscriber (?:ID|number)|group (?:number|no\.?)|Medicare(?: card)? (?:number|ID|no\.?|#)|Medicaid (?:number|ID|no\.?|#)|health (?:card|insurance) (?:number|no\.?)|OHIP(?: number)?|IHI(?: number)?|claim (?:number|no\.?|#)|BUPA (?:number|ID)|passport (?:number|no\.?)|(?:driving|driver'?s) licen[cs]e (?:number|no\.?))\W{0,4}(?:(?i:is|was|are)\W{1,3})?)(?<id>(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}(?:[-/][A-Z0-9]+)*(?: \d{2,})*)\b")]
    private static partial Regex NamedIdentifier();
}
