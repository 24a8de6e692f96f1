using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace PatientForum.Web.Features.Treatments;

public static partial class ChartSvg
{
    /// <summary>
    /// Pain over time: for each point (before, after, each follow-up) the middle half of the scores as a band and the
    /// median as a line with a dot. A point with too few stories has neither, only its name and "too few" under it, so
    /// the line is drawn through the points that are shown.
    /// </summary>
    public static IHtmlContent OverTime(string title, IReadOnlyList<PainPoint> points)
    {
        const int height = 250, top = 20, bottom = 200, left = 36, right = 20;
        var step = (Width - left - right) / (double)Math.Max(1, points.Count - 1);
        double X(int i) => left + i * step;
        double Y(double pain) => bottom - (bottom - top) * pain / 10;
        var svg = Open(title, height);
        foreach (var pain in new[] { 0, 5, 10 })
        {
            Line(svg, left, Y(pain), Width - right, Y(pain), pain == 0 ? "chart-axis" : "chart-grid");
            Text(svg, left - 8, Y(pain) + 4, Num(pain), "chart-label", "end");
        }
        var shown = points.Select((p, i) => (p, i)).Where(x => x.p.Shown && x.p.Spread.Median is not null).ToList();
        if (shown.Count > 0)
        {
            var upper = shown.Select(x => Point(X(x.i), Y(x.p.Spread.UpperQuartile!.Value)));
            var lower = shown.AsEnumerable().Reverse().Select(x => Point(X(x.i), Y(x.p.Spread.LowerQuartile!.Value)));
            svg.Append("<polygon class=\"chart-band\" points=\"").Append(string.Join(' ', upper.Concat(lower))).Append("\"/>");
            svg.Append("<polyline class=\"chart-median\" points=\"").Append(string.Join(' ', shown.Select(x => Point(X(x.i), Y(x.p.Spread.Median!.Value))))).Append("\"/>");
            foreach (var (point, i) in shown)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"chart-median-dot\" cx=\"{X(i):0.#}\" cy=\"{Y(point.Spread.Median!.Value):0.#}\" r=\"4\"/>");
            }
        }
        for (var i = 0; i < points.Count; i++)
        {
            var anchor = i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
            Text(svg, X(i), bottom + 18, points[i].Label, "chart-label", anchor);
            Text(svg, X(i), bottom + 34, points[i].Shown ? $"n = {Num(points[i].Stories)}" : "too few", "chart-label", anchor);
        }
        return Close(svg);
    }

    private static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
}
