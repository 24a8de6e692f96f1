using System.Text;
using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Safety;

/// <summary>One line of the crisis lexicon, compiled.</summary>
public sealed record CrisisPhrase(string Pattern, int LineNumber, Regex Regex);

/// <summary>
/// The crisis-language lexicon moderators extend: one phrase pattern per line, read from a data file. The syntax
/// (documented at the top of seed/safety/crisis-lexicon.txt) is words, <c>(a|b|)</c> alternatives (an empty one makes
/// the group optional), <c>...</c> for up to three other words, and <c>word*</c> for any ending. A line starting with
/// <c>!</c> is an exception: a phrase that reads like crisis language but is not ("dying to know").
/// </summary>
public sealed class CrisisLexicon
{
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromMilliseconds(250);

    // Between two words: spaces, a comma or a hyphen ("self-harm", "self harm").
    private const string Separator = @"[\s,\-]+";

    private CrisisLexicon(IReadOnlyList<CrisisPhrase> phrases, IReadOnlyList<CrisisPhrase> exceptions)
    {
        Phrases = phrases;
        Exceptions = exceptions;
    }

    public IReadOnlyList<CrisisPhrase> Phrases { get; }
    public IReadOnlyList<CrisisPhrase> Exceptions { get; }

    public static CrisisLexicon Load(string path) => Parse(File.ReadLines(path), Path.GetFileName(path));

    /// <summary>Reads the lexicon; a bad line throws a <see cref="FormatException"/> naming the source and line number.</summary>
    public static CrisisLexicon Parse(IEnumerable<string> lines, string source)
    {
        var phrases = new List<CrisisPhrase>();
        var exceptions = new List<CrisisPhrase>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var isException = line.StartsWith('!');
            var pattern = isException ? line[1..].Trim() : line;
            try
            {
                (isException ? exceptions : phrases).Add(new CrisisPhrase(pattern, number, Compile(pattern)));
            }
            catch (FormatException error)
            {
                throw new FormatException($"{source} line {number}: {error.Message} (\"{line}\")", error);
            }
        }
        if (phrases.Count == 0)
        {
            throw new FormatException($"{source} holds no phrases.");
        }
        return new CrisisLexicon(phrases, exceptions);
    }

    private sealed record Piece(string Regex, int RequiredWords, bool Optional, bool IsGap);

    private static Regex Compile(string pattern)
    {
        var pieces = Tokenize(pattern);
        if (pieces.Sum(p => p.RequiredWords) < 2)
        {
            throw new FormatException("a pattern needs at least two words that must be there; a single word matches too much");
        }
        if (pieces[0].IsGap || pieces[0].Optional || pieces[^1].IsGap)
        {
            throw new FormatException("a pattern must start with a word or a group that must be there, and '...' must stand between two words");
        }

        // Every piece after the first brings its own separator, so an optional group or a gap that matches nothing
        // leaves exactly one space between the words around it.
        var regex = new StringBuilder(@"(?<![\w'’])").Append("(?:").Append(pieces[0].Regex).Append(')');
        foreach (var piece in pieces.Skip(1))
        {
            regex.Append(piece switch
            {
                { IsGap: true } => $@"(?:{Separator}[\w'’\-]+){{0,3}}",
                { Optional: true } => $"(?:{Separator}(?:{piece.Regex}))?",
                _ => $"{Separator}(?:{piece.Regex})",
            });
        }
        if (!pattern.EndsWith('*'))
        {
            regex.Append(@"(?![\w'’])");
        }
        return new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_matchTimeout);
    }

    private static List<Piece> Tokenize(string pattern)
    {
        var pieces = new List<Piece>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (pattern.AsSpan(i).StartsWith("..."))
            {
                pieces.Add(new Piece("", 0, Optional: false, IsGap: true));
                i += 3;
            }
            else if (c == '(')
            {
                var close = pattern.IndexOf(')', i + 1);
                if (close < 0)
                {
                    throw new FormatException("a '(' is never closed");
                }
                var inside = pattern[(i + 1)..close];
                if (inside.Contains('(', StringComparison.Ordinal))
                {
                    throw new FormatException("groups cannot be nested");
                }
                pieces.Add(Group(inside));
                i = close + 1;
            }
            else if (c == ')')
            {
                throw new FormatException("a ')' has no '(' before it");
            }
            else
            {
                var end = i;
                while (end < pattern.Length && !char.IsWhiteSpace(pattern[end]) && pattern[end] is not '(' and not ')')
                {
                    end++;
                }
                pieces.Add(new Piece(Word(pattern[i..end]), 1, Optional: false, IsGap: false));
                i = end;
            }
        }
        return pieces;
    }

    private static Piece Group(string inside)
    {
        var alternatives = inside.Split('|').Select(a => a.Trim()).ToList();
        var optional = alternatives.Any(a => a.Length == 0);
        var words = alternatives.Where(a => a.Length > 0).ToList();
        if (words.Count == 0)
        {
            throw new FormatException("a group '( )' needs at least one word");
        }
        var regex = string.Join("|", words.Select(a =>
            string.Join(Separator, a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word))));
        var required = optional ? 0 : words.Min(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        return new Piece(regex, required, optional, IsGap: false);
    }

    private static string Word(string word)
    {
        var stem = word.EndsWith('*') ? word[..^1] : word;
        if (stem.Length == 0 || !stem.All(c => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' or '.'))
        {
            throw new FormatException($"'{word}' is not a word: use letters, digits, apostrophes and hyphens, with '*' only at the end");
        }
        var regex = new StringBuilder();
        foreach (var c in stem)
        {
            regex.Append(c switch
            {
                '\'' or '’' => "['’]",
                '-' => @"[\s\-]?",
                '.' => @"\.",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return word.EndsWith('*') ? regex.Append(@"[\w'’\-]*").ToString() : regex.ToString();
    }
}
