using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>The words for each fixed choice of a record, in the order forms and charts list them.</summary>
public static class TreatmentLabels
{
    public static IReadOnlyList<(BodyArea Value, string Label)> BodyAreas { get; } =
    [
        (BodyArea.Neck, "Neck"), (BodyArea.Shoulder, "Shoulder"), (BodyArea.UpperBack, "Upper back"), (BodyArea.LowerBack, "Lower back"),
        (BodyArea.Elbow, "Elbow"), (BodyArea.WristOrHand, "Wrist or hand"), (BodyArea.Hip, "Hip"), (BodyArea.Knee, "Knee"),
        (BodyArea.AnkleOrFoot, "Ankle or foot"), (BodyArea.Other, "Somewhere else or several places"),
    ];

    public static IReadOnlyList<(SideEffects Value, string Label)> SideEffectList { get; } =
    [
        (SideEffects.SorenessAtSite, "Soreness where it was given"), (SideEffects.Bruising, "Bruising"), (SideEffects.Swelling, "Swelling"),
        (SideEffects.PainFlare, "A flare of pain"), (SideEffects.Headache, "Headache"), (SideEffects.Dizziness, "Dizziness or fainting"),
        (SideEffects.Numbness, "Numbness or tingling"), (SideEffects.Infection, "Infection"), (SideEffects.Other, "Something else"),
    ];

    public static IReadOnlyList<(CostBand Value, string Label)> CostBands { get; } =
    [
        (CostBand.NoCost, "Nothing to me (covered)"), (CostBand.Under250, "Under 250 in my currency"),
        (CostBand.From250To1000, "250 to 1,000"), (CostBand.Over1000, "Over 1,000"),
    ];

    public static IReadOnlyList<(WouldRepeat Value, string Label)> Answers { get; } =
        [(WouldRepeat.Yes, "Yes"), (WouldRepeat.No, "No"), (WouldRepeat.Unsure, "Not sure")];

    /// <summary>Relief-time buckets, by the most days each holds (the last holds the rest).</summary>
    public static IReadOnlyList<(int MaxDays, string Label)> ReliefBuckets { get; } =
        [(7, "Within a week"), (28, "1 to 4 weeks"), (91, "1 to 3 months"), (int.MaxValue, "Over 3 months")];

    public static string Of(BodyArea area) => BodyAreas.FirstOrDefault(a => a.Value == area).Label ?? area.ToString();

    public static string Of(CostBand band) => CostBands.FirstOrDefault(c => c.Value == band).Label ?? band.ToString();

    public static string Of(WouldRepeat answer) => Answers.FirstOrDefault(a => a.Value == answer).Label ?? answer.ToString();

    public static IEnumerable<string> Of(SideEffects effects) =>
        SideEffectList.Where(s => effects.HasFlag(s.Value)).Select(s => s.Label);

    /// <summary>The slug of a body area in addresses (?area=knee).</summary>
    public static string Slug(BodyArea area) => area switch
    {
        BodyArea.UpperBack => "upper-back",
        BodyArea.LowerBack => "lower-back",
        BodyArea.WristOrHand => "wrist-or-hand",
        BodyArea.AnkleOrFoot => "ankle-or-foot",
        _ => area.ToString().ToLowerInvariant(),
    };

    public static BodyArea? AreaFromSlug(string? slug) =>
        slug is null ? null : BodyAreas.Select(a => a.Value).Cast<BodyArea?>().FirstOrDefault(a => Slug(a!.Value) == slug);
}
