using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>A labelled count in a chart or table.</summary>
public sealed record Bar(string Label, int Count);

/// <summary>The median and quartiles of a pain score; null values when there were no stories.</summary>
public sealed record Spread(double? Median, double? LowerQuartile, double? UpperQuartile);

/// <summary>
/// Everything a treatment page shows for one area and scope, read from one <see cref="TreatmentAggregate"/> row.
/// <see cref="Shown"/> is false when the stories are fewer than the configured minimum: the page then shows only the
/// count and says why. The JSON and CSV downloads are written from this too, so they can never say more than the page.
/// </summary>
public sealed record TreatmentFigures(
    int Stories, bool Shown, int Minimum, IReadOnlyList<int> PainBefore, IReadOnlyList<int> PainAfter, Spread Before, Spread After,
    IReadOnlyList<Bar> Relief, int ReliefGiven, IReadOnlyList<Bar> SideEffects, IReadOnlyList<Bar> Again)
{
    public static TreatmentFigures From(TreatmentAggregate? row, int minimum)
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
            [new("Yes", row.AgainYes), new("No", row.AgainNo), new("Not sure", row.AgainUnsure)]);
    }

    private static Spread SpreadOf(int[] counts) =>
        new(Histogram.Quantile(counts, 0.5), Histogram.Quantile(counts, 0.25), Histogram.Quantile(counts, 0.75));
}

/// <summary>One bar chart with its table on a treatment page; <paramref name="Id"/> names its heading for aria-labelledby.</summary>
public sealed record BarFigure(string Id, string Heading, string Column, IReadOnlyList<Bar> Bars, int Total, string StoriesUrl);
