using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Safety;

/// <summary>The <c>Forum:Safety</c> section: what the patient-safety checks read.</summary>
public sealed class SafetyOptions : IValidatableObject
{
    public const string SectionName = "Forum:Safety";

    /// <summary>
    /// The crisis-language lexicon (one phrase pattern per line, see the file's header), relative to
    /// <c>Forum:SeedDirectory</c> unless absolute. Read once at start; a missing file or a bad line stops start-up.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Forum:Safety:CrisisLexicon must name the crisis lexicon file.")]
    public string CrisisLexicon { get; set; } = "safety/crisis-lexicon.txt";

    /// <summary>
    /// Regions (ISO 3166 two-letter codes) whose national phone formats are recognised, e.g. "07700 900123" in GB or
    /// "(201) 555-0143" in US. Numbers written with + and a country code are recognised whatever the list says.
    /// Empty means <see cref="DefaultPhoneRegions"/> (the binder appends to a non-empty default instead of replacing it).
    /// </summary>
    public string[] PhoneRegions { get; set; } = [];

    public IReadOnlyList<string> EffectivePhoneRegions => PhoneRegions.Length > 0 ? PhoneRegions : DefaultPhoneRegions;

    public static IReadOnlyList<string> DefaultPhoneRegions { get; } = ["GB", "US", "IE", "CA", "AU"];

    /// <summary>
    /// What posting does about each kind of personal information (<c>Forum:Safety:Rules:PhoneNumber</c> = Warn or Hold):
    /// Warn (the default for a kind not named) asks the author to remove it or post anyway; Hold also keeps a post that
    /// is posted anyway from everyone but its author and the moderators until a moderator approves it.
    /// </summary>
    public Dictionary<string, string> Rules { get; set; } = [];

    /// <summary>
    /// Whether a post in which the crisis-language check finds self-harm language is held for review instead of
    /// published at once. Off by default: nobody is silenced; the moderators are alerted either way.
    /// </summary>
    public bool HoldCrisisPosts { get; set; }

    /// <summary>The rule for <paramref name="kind"/>; validated at start, so a bad value never gets this far.</summary>
    public SafetyRule RuleFor(PersonalInformationKind kind) =>
        Rules.FirstOrDefault(r => string.Equals(r.Key, kind.ToString(), StringComparison.OrdinalIgnoreCase)).Value is { } value
            ? Enum.Parse<SafetyRule>(value, ignoreCase: true)
            : SafetyRule.Warn;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (kind, rule) in Rules)
        {
            if (!Enum.TryParse<PersonalInformationKind>(kind, ignoreCase: true, out _) || int.TryParse(kind, out _))
            {
                yield return new ValidationResult(
                    $"Forum:Safety:Rules:{kind} names no kind of personal information (use one of {string.Join(", ", Enum.GetNames<PersonalInformationKind>())}).");
            }
            if (!Enum.TryParse<SafetyRule>(rule, ignoreCase: true, out _) || int.TryParse(rule, out _))
            {
                yield return new ValidationResult($"Forum:Safety:Rules:{kind} ('{rule}') must be Warn or Hold.");
            }
        }
        var known = PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions();
        for (var i = 0; i < PhoneRegions.Length; i++)
        {
            if (!known.Contains(PhoneRegions[i]))
            {
                yield return new ValidationResult(
                    $"Forum:Safety:PhoneRegions:{i} ('{PhoneRegions[i]}') is not a region code phone numbers are known for (use two capital letters, e.g. GB).");
            }
        }
    }
}

/// <summary>What posting does when the personal-information check finds a kind: see <see cref="SafetyOptions.Rules"/>.</summary>
public enum SafetyRule
{
    Warn,
    Hold,
}
