using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// Full names of clinicians ("Dr Jane Smith", "Mr Adrian Cole, my surgeon") and named hospitals ("St Mary's
/// Hospital"), reported only when the story also gives its writer's own name ("My name is…", "I'm Jane Smith", a
/// signature): on their own they are everyday words in a treatment story, together they say who the patient is.
/// </summary>
internal static partial class ClinicianAndHospitalNames
{
    public static IEnumerable<PersonalInformationFinding> Find(string text)
    {
        if (!GivesOwnName(text))
        {
            return [];
        }
        IEnumerable<Group> titled = TitledClinician().Matches(text)
            .Where(m => !IsNotAName(m.Groups["first"].Value) && !IsNotAName(m.Groups["last"].Value));
        var byRole = ClinicianByRole().Matches(text).Where(m => !IsNotAName(m.Groups["first"].Value)).Select(m => m.Groups["name"]);
        var hospitals = Hospital().Matches(text).Where(m => m.Groups["word"].Captures.Any(c => !GenericPlaceWords.Contains(c.Value)));
        return titled.Concat(byRole).Concat(hospitals)
            .Select(m => new PersonalInformationFinding(PersonalInformationKind.ClinicianOrHospitalName, m.Index, m.Length));
    }

    private static bool GivesOwnName(string text) =>
        NameIntroduction().Matches(text).Any(m => m.Groups["named"].Success
            ? !IsNotAName(m.Groups["first"].Value)
            : m.Groups["last"].Success && !IsNotANameAfterIAm(m.Groups["first"].Value) && !IsNotANameAfterIAm(m.Groups["last"].Value))
        || Signature().Matches(text).Any(m => !IsNotAName(m.Groups["first"].Value));

    private static bool IsNotAName(string word) => NotNames.Contains(word);

    // "I'm Feeling Better", "I'm Finally Home": after "I'm", a title in title case rather than a name.
    private static bool IsNotANameAfterIAm(string word) =>
        IsNotAName(word) || word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal)
        || word.EndsWith("ed", StringComparison.Ordinal);

    // Capitalised words that follow "I'm" or a title at the start of a clause without being anybody's name.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "And", "But", "So", "Then", "At", "In", "On", "Of", "For", "With", "From", "To", "Is", "Was", "He",
        "She", "They", "We", "I", "It", "His", "Her", "Their", "Said", "Says", "Told", "Thinks", "Thought", "Put", "Gave",
        "Not", "Very", "Really", "Just", "Still", "Also", "Now", "Today", "Here", "There", "Back", "Sorry", "Glad", "Happy",
        "Tired", "Sick", "Fine", "Okay", "Ok", "New", "British", "English", "Irish", "Scottish", "Welsh", "American",
        "Canadian", "Australian", "Catholic", "Jewish", "Muslim", "Christian", "Google", "Dr", "Doctor", "Mr", "Mrs", "Ms",
        "Nurse", "Hospital", "Clinic", "Thanks", "Thank", "Hi", "Hello", "Love", "Regards", "Cheers", "Best", "Mum", "Dad",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Type", "Stage", "Level", "Grade",
        "Everyone", "All", "Anyone", "Nobody", "Someone", "Lyrica", "Humira", "Botox",
    };

    // Words that make a place generic rather than named ("the Pain Clinic", "the General Hospital").
    private static readonly HashSet<string> GenericPlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "Pain", "Spine", "Spinal", "Physio", "Physiotherapy", "Rheumatology", "Orthopaedic", "Orthopedic",
        "General", "Local", "Private", "District", "Community", "Day", "Walk-In", "Main", "My", "Our", "Big", "New", "Old",
        "Injection", "Infusion", "Fracture", "Back", "Neck", "Sports", "Teaching", "Children's", "Women's", "Regional",
        "County", "University", "Memorial", "Medical", "Health", "City", "Royal", "NHS", "GP", "Dental", "Eye", "Surgery",
    };

    private const string Word = @"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?";
    private const string Surname = @"(?:Mc|Mac|O['’]|D['’]|De ?|Van ?|Von ?)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?";

    [GeneratedRegex(@"\b(?:Dr\.?|Doctor|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Miss|Nurse|Sister) (?<first>" + Word + ") (?<last>" + Surname + @")\b")]
    private static partial Regex TitledClinician();

    private const string Role =
        "(?:consultant|surgeon|spinal surgeon|orthopaedic surgeon|GP|physio|physiotherapist|rheumatologist|neurologist|neurosurgeon|" +
        "pain specialist|pain consultant|anaesthetist|anesthesiologist|doctor|nurse|specialist nurse|OT|psychologist)";

    // "Megan Doyle, my physio" and "my physio, Megan Doyle".
    [GeneratedRegex(@"\b(?<name>(?<first>" + Word + ") " + Surname + @"),? (?:(?:is|was) )?(?:my|our|the) " + Role + @"\b|\b(?:[Mm]y|[Oo]ur) " + Role + @",? (?:(?:is|was) )?(?<name>(?<first>" + Word + ") " + Surname + @")\b")]
    private static partial Regex ClinicianByRole();

    [GeneratedRegex(@"\b(?:(?<word>St\.?|Saint|" + Word + @"|[A-Z]{2,5}) ){1,4}(?:University )?(?:Hospitals?|Infirmary|Medical Cent(?:er|re)|Health Cent(?:er|re)|Clinic|Hospice)\b")]
    private static partial Regex Hospital();

    [GeneratedRegex(@"\b(?:(?<named>[Mm]y name(?: is|'s|’s))|I'm|I’m|I am|[Tt]his is|(?:[Hh]ello|[Hh]i) from) (?<first>" + Word + @")(?: (?<last>" + Surname + @"))?\b")]
    private static partial Regex NameIntroduction();

    [GeneratedRegex(@"(?:^|\n|[.!?] )[ \t]*(?:(?:-{1,2}|—|–)[ \t]*|(?:Thanks|Thank you|Regards|Best wishes|Best|Love|Cheers|Take care|Warmly)(?: for \w+| \w+)?,?[ \t]*\n?[ \t]*)(?<first>" + Word + @")(?: " + Surname + @"\.?| [A-Z]\.?)?[ \t]*$")]
    private static partial Regex Signature();
}
