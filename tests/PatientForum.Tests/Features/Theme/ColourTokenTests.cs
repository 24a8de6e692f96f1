using System.Text.RegularExpressions;

namespace PatientForum.Tests.Features.Theme;

/// <summary>
/// Every colour lives in wwwroot/css/tokens.css, as a light and a dark value: a colour written anywhere else would
/// look right in one theme and wrong (or unreadable) in the other.
/// </summary>
public sealed partial class ColourTokenTests
{
    private const string TokensFile = "tokens.css";

    /// <summary>CSS's named colours; a stylesheet may still say transparent, currentColor and inherit.</summary>
    private static readonly HashSet<string> s_namedColours = new(
        """
        aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
        cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
        darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
        darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
        firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
        hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
        lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
        lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
        mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
        midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
        palegoldenrod palegreen paleturquoise palevioletred papayawhip peru pink plum powderblue purple rebeccapurple red
        rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray
        slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
        yellowgreen canvas canvastext linktext buttonface buttontext field fieldtext highlight highlighttext graytext
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Stylesheets_OutsideTheTokensFile_NameNoColour()
    {
        var sheets = Directory.GetFiles(Path.Combine(RepoPaths.WebProject, "wwwroot", "css"), "*.css", SearchOption.AllDirectories);
        Assert.Contains(sheets, sheet => Path.GetFileName(sheet) == TokensFile);

        var found = sheets.Where(sheet => Path.GetFileName(sheet) != TokensFile)
            .SelectMany(sheet => ColourLiterals(File.ReadAllText(sheet)).Select(literal => $"{Path.GetFileName(sheet)}: {literal}"))
            .ToList();

        Assert.True(found.Count == 0, "Colours belong in tokens.css:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Scan_OfASheetWithColours_FindsEachKind()
    {
        // The scan itself, so a rule that stops matching cannot pass the test above silently.
        const string sheet = """
            /* a comment may say red or #fff */
            .a { color: #1d2330; background: rgb(0 0 0 / 30%); }
            .b { border: 1px solid white; font-family: "Tan Sans"; white-space: nowrap; }
            .c { box-shadow: 0 0 2px hsl(10 20% 30%); outline-color: currentColor; fill: transparent; }
            .field.red { background: oklch(70% 0.1 200); }
            """;

        Assert.Equal(["#1d2330", "rgb(", "white", "hsl(", "oklch("], ColourLiterals(sheet));
    }

    /// <summary>
    /// Hex colours, colour functions and named colours in the values of a sheet's declarations (selectors, comments
    /// and quoted strings left out, so a class named "field" or a font named "Tan Sans" is no colour).
    /// </summary>
    private static List<string> ColourLiterals(string css)
    {
        var code = QuotedString().Replace(Comment().Replace(css, " "), "\"\"");
        var values = Block().Matches(code)
            .SelectMany(block => block.Groups[1].Value.Split(';'))
            .Select(declaration => declaration.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? declaration[(colon + 1)..] : "");
        return [.. values.SelectMany(value => ColourLiteral().Matches(value).Select(match => match.Value))
            .Where(value => value.StartsWith('#') || value.EndsWith('(') || s_namedColours.Contains(value))];
    }

    /// <summary>The innermost braces: a rule's declarations, also inside @media and @layer.</summary>
    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Block();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedString();

    /// <summary>A hex colour, a colour function's name and bracket, or a whole word (hyphenated ones such as white-space stay whole).</summary>
    [GeneratedRegex(@"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\(|(?<![\w-])[a-zA-Z]+(?:-[a-zA-Z]+)*(?![\w-])")]
    private static partial Regex ColourLiteral();
}
