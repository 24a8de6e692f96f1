using System.Globalization;
using System.Net;

namespace PatientForum.Tests.Features.Operations;

/// <summary>
/// One scrape of <c>/metrics</c>, parsed from the Prometheus text format: each sample line is
/// <c>name{labels} value</c>, comments start with <c>#</c>. Values of one name are summed over their labels.
/// </summary>
public sealed class PrometheusScrape
{
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);

    private PrometheusScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var nameEnd = line.IndexOfAny(['{', ' ']);
            var valueStart = line.LastIndexOf('}') is var close and >= 0 ? close + 1 : nameEnd;
            var fields = line[valueStart..].Trim().Split(' ');
            var value = double.Parse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture);
            var name = line[..nameEnd];
            _totals[name] = _totals.GetValueOrDefault(name) + value;
        }
    }

    public string Text { get; }

    public IEnumerable<string> Names => _totals.Keys;

    /// <summary>The sum of the metric's samples; 0 when it has none yet (a counter nothing has raised).</summary>
    public double this[string name] => _totals.GetValueOrDefault(name);

    public bool Has(string name) => _totals.ContainsKey(name);

    /// <summary>Scrapes <c>/metrics</c>, which must answer 200 in the Prometheus text format.</summary>
    public static async Task<PrometheusScrape> FromAsync(HttpClient http, string baseUrl)
    {
        using var response = await http.GetAsync(new Uri(baseUrl + "/metrics"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics answered {(int)response.StatusCode}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "/metrics may be cached");
        return new PrometheusScrape(text);
    }
}
