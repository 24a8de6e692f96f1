using System.Globalization;
using System.Text;

namespace PatientForum.Web.Infrastructure.Text;

/// <summary>Makes the readable part of a thread URL: lower-case ASCII words joined by hyphens.</summary>
public static class Slug
{
    private const int MaxLength = 80;
    private const string Fallback = "thread";

    public static string From(string title)
    {
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(Math.Min(decomposed.Length, MaxLength));
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
                if (builder.Length >= MaxLength)
                {
                    break;
                }
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return builder.Length == 0 ? Fallback : builder.ToString().TrimEnd('-');
    }
}
