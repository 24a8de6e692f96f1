using System.Text;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// Reads what people type into a search box: words, "quoted phrases", prefix*, and -excluded terms.
/// Anything else (operators, stray quotes, symbols) is treated as plain text, never as syntax, so no
/// input can make the query fail.
/// </summary>
public static class SearchQueryParser
{
    private const int MaxTerms = 12;

    public static IReadOnlyList<SearchTerm> Parse(string? input)
    {
        var terms = new List<SearchTerm>();
        var text = Infrastructure.Text.ForumText.Line(input);
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (excluded)
            {
                i++;
            }
            string raw;
            var isPhrase = text[i] == '"';
            if (isPhrase)
            {
                var end = text.IndexOf('"', i + 1);
                raw = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }
                raw = text[i..end];
                i = end;
            }
            var isPrefix = !isPhrase && raw.EndsWith('*');
            var cleaned = Words(raw);
            if (cleaned.Length > 0)
            {
                terms.Add(new SearchTerm(cleaned, isPhrase || cleaned.Contains(' ', StringComparison.Ordinal), isPrefix, excluded));
            }
        }
        return terms;
    }

    /// <summary>Keeps letters, digits and marks; everything else separates words, as the index's tokenizer does.</summary>
    private static string Words(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            builder.Append(char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark ? c : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
