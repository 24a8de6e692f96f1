using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// Street addresses (a house number, a capitalised street name and a street word) and postcodes. UK, Canadian and Irish
/// postcodes have shapes nothing else in a pain story has, so they count anywhere; numeric ZIP and Australian postcodes
/// only next to a state or the word "postcode", since otherwise they are just numbers.
/// </summary>
internal static partial class Addresses
{
    public static IEnumerable<PersonalInformationFinding> Find(string text)
    {
        foreach (Match match in StreetAddress().Matches(text).Concat(LowerCaseStreetAddress().Matches(text)))
        {
            if (!match.Groups["name"].Captures.Any(c => NotStreetNames.Contains(c.Value.Trim())))
            {
                yield return new(PersonalInformationKind.StreetAddress, match.Index, match.Length);
            }
        }
        foreach (Match match in Postcode().Matches(text))
        {
            var code = match.Groups["code"];
            yield return new(PersonalInformationKind.Postcode, code.Index, code.Length);
        }
    }

    // Capitalised words that follow a number in ordinary sentences ("3 Weeks Later", "2 Advil") but never name a street.
    private static readonly HashSet<string> NotStreetNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Week", "Weeks", "Day", "Days", "Month", "Months", "Year", "Years", "Hour", "Hours", "Minute", "Minutes", "Mile",
        "Miles", "Step", "Steps", "Times", "Mg", "The", "A", "Of", "And", "In", "On", "At", "Things", "Ways", "Reasons",
    };

    private const string StreetWords =
        "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|Cres|Terrace|Boulevard|Blvd|Mews|Gardens|Grove|Way|" +
        "Court|Ct|Place|Pl|Square|Sq|Parade|Row|Hill|Circle|Cir|Highway|Hwy|Walk|Rise|Vale|View|Green|Park|Wynd|Brae";

    [GeneratedRegex(@"(?<![\w/.,-])(?:(?:Flat|Apt\.?|Apartment|Unit|Suite) \d+[A-Za-z]?,? )?\d{1,5}[A-Za-z]?(?:-\d{1,5})?,? (?:[NSEW]\.? |North |South |East |West )?(?:(?<name>[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?|\d{1,3}(?:st|nd|rd|th)) ){1,3}(?:" + StreetWords + @")\b\.?(?!\w)")]
    private static partial Regex StreetAddress();

    // Written in lower case, an address needs the words that introduce one.
    [GeneratedRegex(@"(?<=\b(?i:live|living|lives|lived|address is|address:|moved to|staying|stay|(?:house|home|flat) is) (?i:at|on|in)? ?(?i:number )?)(?:(?i:flat|apt|unit) \d+[a-z]?,? )?\d{1,5}[a-z]?,? (?:(?<name>[a-z'’]+) ){1,3}(?i:" + StreetWords + @")\b\.?(?!\w)")]
    private static partial Regex LowerCaseStreetAddress();

    [GeneratedRegex(
        // UK: outward code, space, inward code (digit and two letters from the set Royal Mail uses).
        @"(?<code>\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPS-UW\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b)" +
        // Canada: A1A 1A1.
        @"|(?<code>\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b)" +
        // Ireland (Eircode): routing key and a unique identifier with at least one letter.
        @"|(?<code>\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}\b)" +
        // US ZIP after a state abbreviation that follows a comma or a town, and Australian postcodes after a state.
        @"|(?<=,? (?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]),? )(?<code>\d{5}(?:-\d{4})?)(?!\d)" +
        @"|(?<=\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT),? )(?<code>\d{4})(?!\d)" +
        // Any of them, in any case, after the words that name one.
        @"|(?<=\b(?i:post ?code|zip(?: ?code)?|eircode)['’]?s?\W{0,3}(?:(?i:is|was)\W{1,3})?)(?<code>\d{4,5}(?:-\d{4})?|(?i:[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}|[a-z]\d[\dw] ?[a-z\d]{4}))\b")]
    private static partial Regex Postcode();
}
