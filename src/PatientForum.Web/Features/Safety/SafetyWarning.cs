namespace PatientForum.Web.Features.Safety;

/// <summary>The words around a finding, to show the member what was found: the matched text goes in a &lt;mark&gt;.</summary>
public sealed record SafetyExcerpt(string Before, string Match, string After);

/// <summary>
/// One piece of personal information found in a post's title or body, as the member is told of it: where it is in the
/// cleaned text, its kind, the plain message, and the excerpt. It holds the member's own words, so it is shown to them
/// alone and never logged.
/// </summary>
public sealed record SafetyWarning(string Field, PersonalInformationKind Kind, int Start, int Length, string Message, SafetyExcerpt Excerpt);

/// <summary>
/// What the safety rules say of a post about to be saved: what to warn of, whether the author chose to post anyway,
/// which kinds the rules hold for review, and whether the crisis-language check found self-harm language.
/// </summary>
public sealed record SafetyReview(
    IReadOnlyList<SafetyWarning> Warnings, bool PostAnyway, IReadOnlyList<PersonalInformationKind> HeldKinds, bool Crisis, bool HoldCrisis)
{
    public static SafetyReview None { get; } = new([], false, [], false, false);

    /// <summary>The post is not saved yet: the author is shown the warnings and may remove the text or post anyway.</summary>
    public bool NeedsConsent => Warnings.Count > 0 && !PostAnyway;

    /// <summary>The post is saved held for review, seen only by its author and the moderators until approved.</summary>
    public bool Hold => HeldKinds.Count > 0 || (Crisis && HoldCrisis);

    /// <summary>The kinds posted anyway, as stored on the post (names, never the text); null when there were none.</summary>
    public string? PostedAnywayKinds => Warnings.Count == 0
        ? null
        : string.Join(',', Warnings.Select(w => w.Kind).Distinct().Order().Select(k => k.ToString()));
}
