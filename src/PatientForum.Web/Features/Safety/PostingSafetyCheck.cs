using Microsoft.Extensions.Options;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// The one place that runs the safety detectors on a post: for the composer's check as the member types, for the form
/// shown again without script, and for posting, where the server decides. A post with personal information is saved
/// only when its author chose to post anyway, and is held for review when a rule says so (<see cref="SafetyOptions.Rules"/>);
/// crisis language never stops a post, but reaches the moderators at once (<c>Posting.PostingSafety</c>).
/// </summary>
public sealed class PostingSafetyCheck(PersonalInformationDetector personal, CrisisLanguageDetector crisis, IOptions<SafetyOptions> options)
{
    private const int ExcerptWords = 40; // characters of context either side of a finding

    /// <summary>The personal information in the title (null for a reply) and the body, worded for who can read the thread.</summary>
    public IReadOnlyList<SafetyWarning> Find(string? title, string body, bool membersOnly)
    {
        var warnings = new List<SafetyWarning>();
        if (!string.IsNullOrEmpty(title))
        {
            warnings.AddRange(personal.Find(title).Select(f => Warning("Title", title, f, membersOnly)));
        }
        warnings.AddRange(personal.Find(body).Select(f => Warning("Body", body, f, membersOnly)));
        return warnings;
    }

    /// <summary>What posting does with this text; crisis language is looked for only here, when the post is published.</summary>
    public SafetyReview Review(string? title, string body, bool membersOnly, bool postAnyway)
    {
        var warnings = Find(title, body, membersOnly);
        var rules = options.Value;
        var held = warnings.Select(w => w.Kind).Distinct().Where(k => rules.RuleFor(k) == SafetyRule.Hold).Order().ToList();
        var text = string.IsNullOrEmpty(title) ? body : title + "\n\n" + body;
        return new SafetyReview(warnings, postAnyway, held, crisis.Find(text).Count > 0, rules.HoldCrisisPosts);
    }

    /// <summary>The kind in words, for the moderators' queue: "phone number".</summary>
    public static string Label(PersonalInformationKind kind) => kind switch
    {
        PersonalInformationKind.PhoneNumber => "phone number",
        PersonalInformationKind.EmailAddress => "email address",
        PersonalInformationKind.StreetAddress => "street address",
        PersonalInformationKind.Postcode => "postcode or ZIP code",
        PersonalInformationKind.DateOfBirth => "date of birth",
        PersonalInformationKind.RecordNumber => "record, insurance, ID or card number",
        PersonalInformationKind.ClinicianOrHospitalName => "clinician or hospital named beside the author's name",
        _ => kind.ToString(),
    };

    /// <summary>The stored kinds (<see cref="SafetyReview.PostedAnywayKinds"/>) in words; unknown names are left out.</summary>
    public static IReadOnlyList<string> Labels(string? kinds) =>
        (kinds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<PersonalInformationKind>(k, out var kind) ? Label(kind) : null)
            .OfType<string>()
            .ToList();

    private static SafetyWarning Warning(string field, string text, PersonalInformationFinding finding, bool membersOnly)
    {
        // A members-only thread is not public: say who can read it instead.
        var message = membersOnly ? finding.Message.Replace("Stories are public", "Members can read this", StringComparison.Ordinal) : finding.Message;
        return new SafetyWarning(field, finding.Kind, finding.Start, finding.Length, message, Excerpt(text, finding));
    }

    private static SafetyExcerpt Excerpt(string text, PersonalInformationFinding finding)
    {
        var from = Math.Max(0, finding.Start - ExcerptWords);
        var to = Math.Min(text.Length, finding.End + ExcerptWords);
        // Never cut an emoji (a surrogate pair) in two.
        from -= from > 0 && char.IsLowSurrogate(text[from]) ? 1 : 0;
        to += to < text.Length && char.IsLowSurrogate(text[to]) ? 1 : 0;
        var before = (from > 0 ? "…" : "") + text[from..finding.Start].TrimStart();
        var after = text[finding.End..to].TrimEnd() + (to < text.Length ? "…" : "");
        return new SafetyExcerpt(before, text.Substring(finding.Start, finding.Length), after);
    }
}
