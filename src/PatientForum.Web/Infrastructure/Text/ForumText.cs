using System.Globalization;
using System.Text;

namespace PatientForum.Web.Infrastructure.Text;

/// <summary>
/// The one place that decides how submitted text is cleaned before it is validated and saved:
/// newlines become \n, control characters other than tab and newline are dropped, and the ends are trimmed.
/// Nothing else about the text is changed.
/// </summary>
public static class ForumText
{
    /// <summary>Cleans a multi-line body.</summary>
    public static string Body(string? value) => Clean(value, singleLine: false);

    /// <summary>Cleans a single-line value such as a title or a display name: line breaks and tabs become spaces.</summary>
    public static string Line(string? value) => Clean(value, singleLine: true);

    private static string Clean(string? value, bool singleLine)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\t')
            {
                builder.Append(singleLine ? ' ' : c);
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Trim();
    }

    /// <summary>Length as a reader counts it: user-perceived characters, so an emoji counts once.</summary>
    public static int VisibleLength(string value) => new StringInfo(value).LengthInTextElements;
}
