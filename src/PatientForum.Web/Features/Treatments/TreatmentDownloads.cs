using System.Globalization;
using System.Text;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// The JSON and CSV forms of a treatment page's figures (documented in README.md). Written from the same
/// <see cref="TreatmentFigures"/> as the page, so a figure hidden there for too few stories is absent here too.
/// </summary>
public static class TreatmentDownloads
{
    public static object ToJson(TreatmentPage page)
    {
        var f = page.Figures;
        return new
        {
            treatment = page.Slug,
            name = page.Name,
            area = page.Area is { } a ? TreatmentLabels.Slug(a) : "all",
            stories = f.Stories,
            minimumStories = f.Minimum,
            shown = f.Shown,
            note = "Self-reported stories from forum members, not a clinical trial.",
            painBefore = f.Shown ? new { counts = f.PainBefore, median = f.Before.Median, lowerQuartile = f.Before.LowerQuartile, upperQuartile = f.Before.UpperQuartile } : null,
            painAfter = f.Shown ? new { counts = f.PainAfter, median = f.After.Median, lowerQuartile = f.After.LowerQuartile, upperQuartile = f.After.UpperQuartile } : null,
            timeToRelief = f.Shown ? new { n = f.ReliefGiven, buckets = f.Relief.Select(b => new { label = b.Label, count = b.Count }) } : null,
            sideEffects = f.Shown ? f.SideEffects.Select(b => new { label = b.Label, count = b.Count }) : null,
            wouldDoAgain = f.Shown ? f.Again.Select(b => new { label = b.Label, count = b.Count }) : null,
            overTime = f.Shown
                ? f.OverTime.Select(p => new { point = p.Key, label = p.Label, n = p.Stories, shown = p.Shown, median = p.Spread.Median, lowerQuartile = p.Spread.LowerQuartile, upperQuartile = p.Spread.UpperQuartile })
                : null,
        };
    }

    /// <summary>Columns: figure, value, count. Summary numbers (n, median, quartiles) are rows of their own.</summary>
    public static byte[] ToCsv(TreatmentPage page)
    {
        var f = page.Figures;
        var csv = new StringBuilder("figure,value,count\r\n");
        void Row(string figure, string value, double? count) =>
            csv.Append(CultureInfo.InvariantCulture, $"{figure},{Quote(value)},{count?.ToString(CultureInfo.InvariantCulture) ?? ""}\r\n");
        Row("stories", page.Area is { } a ? TreatmentLabels.Slug(a) : "all", f.Stories);
        if (f.Shown)
        {
            for (var score = 0; score <= 10; score++)
            {
                Row("pain_before", score.ToString(CultureInfo.InvariantCulture), f.PainBefore[score]);
            }
            for (var score = 0; score <= 10; score++)
            {
                Row("pain_after", score.ToString(CultureInfo.InvariantCulture), f.PainAfter[score]);
            }
            Row("pain_before_median", "", f.Before.Median);
            Row("pain_before_lower_quartile", "", f.Before.LowerQuartile);
            Row("pain_before_upper_quartile", "", f.Before.UpperQuartile);
            Row("pain_after_median", "", f.After.Median);
            Row("pain_after_lower_quartile", "", f.After.LowerQuartile);
            Row("pain_after_upper_quartile", "", f.After.UpperQuartile);
            foreach (var bar in f.Relief)
            {
                Row("time_to_relief", bar.Label, bar.Count);
            }
            foreach (var bar in f.SideEffects)
            {
                Row("side_effect", bar.Label, bar.Count);
            }
            foreach (var bar in f.Again)
            {
                Row("would_do_again", bar.Label, bar.Count);
            }
            foreach (var point in f.OverTime)
            {
                // n always; the spread only where the point has enough stories (empty otherwise, as the page hides it).
                Row("over_time_n", point.Key, point.Stories);
                Row("over_time_median", point.Key, point.Spread.Median);
                Row("over_time_lower_quartile", point.Key, point.Spread.LowerQuartile);
                Row("over_time_upper_quartile", point.Key, point.Spread.UpperQuartile);
            }
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
