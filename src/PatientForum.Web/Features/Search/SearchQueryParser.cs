using System.Globalization;
using System.Text;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// What the parser made of a search: the terms, the prefixes it searched as whole words because they were too short,
/// and whether it left words out past <see cref="SearchQueryParser.MaxTerms"/>. The page says so when it did either.
/// </summary>
public sealed record ParsedSearch(IReadOnlyList<SearchTerm> Terms, IReadOnlyList<string> ShortPrefixes, bool TermsDropped);

/// <summary>
/// Reads what people type into a search box: words, "quoted phrases", prefix*, and -excluded terms.
/// Anything else (operators, stray quotes, symbols) is treated as plain text, never as syntax, so no
/// input can make the query fail. What a search may cost is bounded here too: at most <see cref="MaxTerms"/>
/// terms, and a prefix needs <see cref="MinPrefixLength"/> characters, since the engine merges every word that
/// starts with a prefix ("a*" is most of the index) and its prefix index holds prefixes of that length.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxTerms = 12;

    /// <summary>The shortest prefix searched as a prefix; SQLite's index keeps prefixes of this length (see <see cref="SqliteSearchSchema"/>).</summary>
    public const int MinPrefixLength = 3;

    public static IReadOnlyList<SearchTerm> Parse(string? input) => Read(input).Terms;

    public static ParsedSearch Read(string? input)
    {
        var terms = new List<SearchTerm>();
        var shortPrefixes = new List<string>();
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
                if (isPrefix && IsShortPrefix(cleaned))
                {
                    isPrefix = false;
                    shortPrefixes.Add(cleaned + "*");
                }
                terms.Add(new SearchTerm(cleaned, isPhrase || cleaned.Contains(' ', StringComparison.Ordinal), isPrefix, excluded));
            }
        }
        var dropped = i < text.Length && !string.IsNullOrWhiteSpace(Words(text[i..]));
        return new ParsedSearch(terms, shortPrefixes, dropped);
    }

    /// <summary>Whether the word the * applies to (the last of the term) is shorter than <see cref="MinPrefixLength"/> characters.</summary>
    private static bool IsShortPrefix(string cleaned) =>
        new StringInfo(cleaned[(cleaned.LastIndexOf(' ') + 1)..]).LengthInTextElements < MinPrefixLength;

    /// <summary>Keeps letters, digits and marks; everything else separates words, as the index's tokenizer does.</summary>
    private static string Words(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            builder.Append(char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark ? c : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
