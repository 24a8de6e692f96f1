using System.Text.RegularExpressions;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Finds the members a post names with <c>@DisplayName</c>. Display names may hold spaces, so each @ yields the names
/// it could start (<c>@Ann Lee thanks</c>: "Ann", "Ann Lee", "Ann Lee thanks"), and the longest one that belongs to a
/// member wins. Text in code is not a mention, nor is a quote's: quoting a post that names someone does not page them again.
/// </summary>
public static partial class Mentions
{
    /// <summary>The most words a display name is looked for in after an @ (40 characters allow no more).</summary>
    private const int MaxWords = 8;

    /// <summary>Marks that end a sentence more often than a name ("thanks @Ann."), so a name is never taken to end in them.</summary>
    private static readonly char[] s_nameEnd = ['.', '\'', '-', '_'];

    /// <summary>For each @ in order of appearance, the names it could be, longest first, in the form names are compared in.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Candidates(string markdown) =>
        Find(QuoteLinePattern().Replace(CodePattern().Replace(markdown, " "), " ")).Select(m => (IReadOnlyList<string>)m.Names.Select(n => n.Name).ToList()).ToList();

    /// <summary>
    /// Each @ in plain <paramref name="text"/> (no code to leave out), in order: where it is, and the names it could be,
    /// longest first, each with how many characters of the text it takes, the @ included, so a caller can mark it.
    /// </summary>
    public static IReadOnlyList<MentionAt> Find(string text)
    {
        var found = new List<MentionAt>();
        foreach (Match match in MentionPattern().Matches(text))
        {
            var written = match.Groups["name"].Value;
            var words = written.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var names = new List<MentionName>();
            for (var count = Math.Min(words.Length, MaxWords); count >= 1; count--)
            {
                var name = string.Join(' ', words.Take(count)).TrimEnd(s_nameEnd);
                var normalized = DisplayNames.Normalize(name);
                if (name.Length >= 3 && name.Length <= 40 && !names.Exists(n => n.Name == normalized))
                {
                    names.Add(new MentionName(normalized, 1 + LengthOfWords(written, count)));
                }
            }
            if (names.Count > 0)
            {
                found.Add(new MentionAt(match.Index, names));
            }
        }
        return found;
    }

    /// <summary>How far the first <paramref name="count"/> words of <paramref name="written"/> reach, without the marks a name cannot end in.</summary>
    private static int LengthOfWords(string written, int count)
    {
        var end = 0;
        for (var word = 0; word < count; word++)
        {
            while (written[end] == ' ')
            {
                end++;
            }
            end = written.IndexOf(' ', end) is var space and >= 0 ? space : written.Length;
        }
        return written[..end].TrimEnd(s_nameEnd).TrimEnd(' ').Length;
    }

    /// <summary>
    /// Picks, for each @, the longest candidate that is a member's name (<paramref name="known"/> maps normalized names
    /// to member ids), in order of appearance, each member once, at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyDictionary<string, string> known, int limit)
    {
        var members = new List<string>();
        foreach (var names in candidates)
        {
            if (members.Count == limit)
            {
                break;
            }
            if (names.FirstOrDefault(known.ContainsKey) is { } name && !members.Contains(known[name]))
            {
                members.Add(known[name]);
            }
        }
        return members;
    }

    // An @ that starts a word (not an email address), then the characters a display name may hold.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@])@(?<name>[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._'\-]{0,60})")]
    private static partial Regex MentionPattern();

    // Lines of a Markdown blockquote: someone else's words.
    [GeneratedRegex(@"^[ \t]*>.*$", RegexOptions.Multiline)]
    private static partial Regex QuoteLinePattern();

    // Fenced blocks and inline code spans.
    [GeneratedRegex(@"```.*?```|~~~.*?~~~|`[^`\n]*`", RegexOptions.Singleline)]
    private static partial Regex CodePattern();
}

/// <summary>An @ in a text: where it starts, and the names it could be, longest first.</summary>
public sealed record MentionAt(int Index, IReadOnlyList<MentionName> Names);

/// <summary>A name an @ could be, as names are compared, and how many characters of the text it takes, the @ included.</summary>
public sealed record MentionName(string Name, int Length);
