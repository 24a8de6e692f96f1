using System.Text.Json;

namespace PatientForum.BrowserTests.Live;

/// <summary>Script and event-handler payloads: a few written here, the rest taken from blns.json.</summary>
public static class HostilePayloads
{
    private static readonly string[] s_own =
    [
        "<script>window.__pwned = 1; alert('script')</script>",
        "<img src=x onerror=\"window.__pwned = 1; alert('img')\">",
        "<svg onload=\"window.__pwned = 1\"></svg>",
        "[click me](javascript:window.__pwned=1)",
        "<a href=\"jav&#x09;ascript:alert(1)\">tab-split scheme</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<details open ontoggle=\"window.__pwned = 1\">x</details>",
        "<p style=\"background:url(javascript:alert(1))\">styled</p>",
    ];

    /// <summary>Our own vectors plus every blns string that mentions script, an on* handler or a javascript: URL.</summary>
    public static IEnumerable<string> ForLiveTest()
    {
        var blns = JsonSerializer.Deserialize<string[]>(File.ReadAllText(RepoPaths.NaughtyStrings)) ?? [];
        var hostile = blns.Where(s =>
            s.Contains("script", StringComparison.OrdinalIgnoreCase)
            || s.Contains("onerror", StringComparison.OrdinalIgnoreCase)
            || s.Contains("onload", StringComparison.OrdinalIgnoreCase)
            || s.Contains("alert(", StringComparison.OrdinalIgnoreCase));
        return s_own.Concat(hostile.Take(40));
    }
}
