using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>A labelled count in a chart or table.</summary>
public sealed record Bar(string Label, int Count);

/// <summary>The median and quartiles of a pain score; null values when there were no stories.</summary>
public sealed record Spread(double? Median, double? LowerQuartile, double? UpperQuartile);

/// <summary>
/// One point of the change-over-time chart: its name ("Before", "3 months"), slug ("before", "3-months"), how many stories
/// have a score there, and their spread; <see cref="Shown"/> is false when they are fewer than the minimum, and the spread
/// is then empty.
/// </summary>
public sealed record PainPoint(string Label, string Key, int Stories, bool Shown, Spread Spread);

/// <summary>
/// Everything a treatment page shows for one area and scope, read from one <see cref="TreatmentAggregate"/> row.
/// <see cref="Shown"/> is false when the stories are fewer than the configured minimum: the page then shows only the
/// count and says why. The JSON and CSV downloads are written from this too, so they can never say more than the page.
/// </summary>
public sealed record TreatmentFigures(
    int Stories, bool Shown, int Minimum, IReadOnlyList<int> PainBefore, IReadOnlyList<int> PainAfter, Spread Before, Spread After,
    IReadOnlyList<Bar> Relief, int ReliefGiven, IReadOnlyList<Bar> SideEffects, IReadOnlyList<Bar> Again)
{
    /// <summary>Pain before, after, and at each follow-up point, each with its own n and hidden on its own when that n is small.</summary>
    public IReadOnlyList<PainPoint> OverTime { get; init; } = [];

    /// <summary>The figures of <paramref name="row"/>; <paramref name="promptDays"/> are the follow-up points, in the order the row stores them.</summary>
    public static TreatmentFigures From(TreatmentAggregate? row, int minimum, IReadOnlyList<int> promptDays)
    {
        if (row is null || row.Stories < minimum)
        {
            return new(row?.Stories ?? 0, false, minimum, [], [], new(null, null, null), new(null, null, null), [], 0, [], []);
        }
        var before = Histogram.Read(row.PainBefore, AggregateCounter.PainValues);
        var after = Histogram.Read(row.PainAfter, AggregateCounter.PainValues);
        var buckets = TreatmentLabels.ReliefBuckets;
        var relief = Histogram.Read(row.Relief, buckets.Count + 1);
        var effects = Histogram.Read(row.SideEffects, TreatmentLabels.SideEffectList.Count);
        return new(
            row.Stories, true, minimum, before, after, SpreadOf(before), SpreadOf(after),
            [.. buckets.Select((b, i) => new Bar(b.Label, relief[i]))], row.Stories - relief[buckets.Count],
            [.. TreatmentLabels.SideEffectList.Select((s, i) => new Bar(s.Label, effects[i])).Where(b => b.Count > 0).OrderByDescending(b => b.Count)],
            [new("Yes", row.AgainYes), new("No", row.AgainNo), new("Not sure", row.AgainUnsure)])
        {
            OverTime = OverTimeOf(row, before, after, minimum, promptDays),
        };
    }

    private static List<PainPoint> OverTimeOf(TreatmentAggregate row, int[] before, int[] after, int minimum, IReadOnlyList<int> promptDays)
    {
        var points = new List<PainPoint> { new("Before", "before", row.Stories, true, SpreadOf(before)), new("After", "after", row.Stories, true, SpreadOf(after)) };
        var stored = row.FollowUpPain.Length == 0 ? [] : row.FollowUpPain.Split(';');
        for (var i = 0; i < promptDays.Count; i++)
        {
            // A point added to the settings since the row was counted has no counts yet: it shows as no stories.
            var counts = Histogram.Read(i < stored.Length ? stored[i] : "", AggregateCounter.PainValues);
            var n = counts.Sum();
            var label = FollowUpPoints.Label(promptDays[i]);
            points.Add(new(label, label.Replace(' ', '-'), n, n >= minimum, n >= minimum ? SpreadOf(counts) : new(null, null, null)));
        }
        return points;
    }

    private static Spread SpreadOf(int[] counts) =>
        new(Histogram.Quantile(counts, 0.5), Histogram.Quantile(counts, 0.25), Histogram.Quantile(counts, 0.75));
}

/// <summary>One bar chart with its table on a treatment page; <paramref name="Id"/> names its heading for aria-labelledby.</summary>
public sealed record BarFigure(string Id, string Heading, string Column, IReadOnlyList<Bar> Bars, int Total, string StoriesUrl);
