using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// Hand-written SVG charts, rendered on the server: no script, no inline style (the CSP allows neither), colours from
/// CSS custom properties through classes (site.css: .chart-*), so the charts follow the page's theme. Each is an
/// image to assistive technology (role="img" with a title); the data table beside it carries the numbers.
/// </summary>
public static partial class ChartSvg
{
    private const int Width = 480;
    private const int LabelWidth = 170;
    private const int RowHeight = 28;

    /// <summary>Before and after pain scores side by side for each score 0–10, with a legend.</summary>
    public static IHtmlContent PairedPain(string title, IReadOnlyList<int> before, IReadOnlyList<int> after)
    {
        const int height = 240, top = 30, bottom = 200, left = 30;
        var max = Math.Max(1, before.Concat(after).DefaultIfEmpty(0).Max());
        var step = (Width - left - 10) / 11.0;
        var svg = Open(title, height);
        Line(svg, left, bottom, Width - 10, bottom, "chart-axis");
        for (var score = 0; score <= 10; score++)
        {
            var x = left + score * step;
            Rect(svg, x + 3, bottom - Scale(before[score], max, bottom - top), step / 2 - 3, Scale(before[score], max, bottom - top), "chart-before");
            Rect(svg, x + step / 2, bottom - Scale(after[score], max, bottom - top), step / 2 - 3, Scale(after[score], max, bottom - top), "chart-after");
            Text(svg, x + step / 2, bottom + 16, Num(score), "chart-label", "middle");
        }
        Text(svg, left, height - 6, "Pain score (0 none, 10 worst)", "chart-label", "start");
        Rect(svg, Width - 190, 8, 12, 12, "chart-before");
        Text(svg, Width - 172, 18, "Before", "chart-label", "start");
        Rect(svg, Width - 110, 8, 12, 12, "chart-after");
        Text(svg, Width - 92, 18, "After", "chart-label", "start");
        return Close(svg);
    }

    /// <summary>One horizontal bar per row, its count (and share of <paramref name="total"/>) written at its end.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<Bar> bars, int total)
    {
        var height = bars.Count * RowHeight + 10;
        var max = Math.Max(1, bars.Select(b => b.Count).DefaultIfEmpty(0).Max());
        var svg = Open(title, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 5 + i * RowHeight;
            var length = Scale(bars[i].Count, max, Width - LabelWidth - 90);
            Text(svg, LabelWidth - 6, y + 18, bars[i].Label, "chart-label", "end");
            Rect(svg, LabelWidth, y + 4, length, RowHeight - 10, "chart-bar");
            Text(svg, LabelWidth + length + 6, y + 18, $"{Num(bars[i].Count)} ({Share(bars[i].Count, total)})", "chart-label", "start");
        }
        return Close(svg);
    }

    public static string Share(int count, int total) =>
        total == 0 ? "0%" : ((double)count / total).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    private static StringBuilder Open(string title, int height) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" preserveAspectRatio=\"xMinYMin meet\" ")
        .Append("xmlns=\"http://www.w3.org/2000/svg\"><title>").Append(HtmlEncoder.Default.Encode(title)).Append("</title>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static double Scale(int count, int max, double room) => room * count / max;

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string css) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, width):0.#}\" height=\"{Math.Max(0, height):0.#}\"/>");

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string css) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{css}\" x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\"/>");

    private static void Text(StringBuilder svg, double x, double y, string text, string css, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{css}\" x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\">")
            .Append(HtmlEncoder.Default.Encode(text)).Append("</text>");

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
