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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
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
