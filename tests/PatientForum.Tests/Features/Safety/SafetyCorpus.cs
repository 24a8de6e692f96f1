using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Safety;

namespace PatientForum.Tests.Features.Safety;

/// <summary>One expected finding in a corpus line: its kind and where it is in the text.</summary>
public sealed record ExpectedSpan(PersonalInformationKind Kind, int Start, int Length);

/// <summary>A line of the personal information corpus: its line number, the text, and what should be found in it.</summary>
public sealed record PersonalInformationLine(int LineNumber, string Text, IReadOnlyList<ExpectedSpan> Expected);

/// <summary>
/// Reads the measured corpora kept beside these tests (Corpora/, copied to the output folder) and the detectors as the
/// forum builds them, with the lexicon shipped in seed/.
/// </summary>
public static class SafetyCorpus
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Features", "Safety", "Corpora");

    public static PersonalInformationDetector PersonalInformation { get; } = new(Options.Create(new SafetyOptions()));

    public static CrisisLanguageDetector Crisis { get; } =
        new(CrisisLexicon.Load(Path.Combine(RepoPaths.Root, "seed", "safety", "crisis-lexicon.txt")));

    public static IReadOnlyList<PersonalInformationLine> PersonalInformationPositives() =>
        Lines("personal-information-positives.tsv").Select(line => ParsePositive(line.Number, line.Text)).ToList();

    public static IReadOnlyList<(int Number, string Text)> PersonalInformationNegatives() => Lines("personal-information-negatives.txt");

    public static IReadOnlyList<(int Number, string Text)> CrisisPositives() => Lines("crisis-positives.txt");

    public static IReadOnlyList<(int Number, string Text)> CrisisNegatives() => Lines("crisis-negatives.txt");

    /// <summary>
    /// A finding answers an expected span when it is of the same kind and covers at least half of it, so a highlight
    /// that takes in "Flat 4," or leaves off a trailing letter still counts, and one on the wrong words does not.
    /// </summary>
    public static bool Hits(PersonalInformationFinding finding, ExpectedSpan expected)
    {
        var overlap = Math.Min(finding.End, expected.Start + expected.Length) - Math.Max(finding.Start, expected.Start);
        return finding.Kind == expected.Kind && overlap * 2 >= expected.Length;
    }

    public static string Describe(string text, PersonalInformationFinding finding) =>
        $"{finding.Kind} \"{text.Substring(finding.Start, finding.Length)}\"";

    private static readonly Dictionary<string, string> s_knownMisses = File.ReadLines(Path.Combine(s_folder, "known-misses.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t', 2))
        .ToDictionary(columns => columns[0], columns => columns.Length > 1 ? columns[1] : "", StringComparer.Ordinal);

    /// <summary>
    /// Checks one corpus line. A line listed in known-misses.txt must still be wrong (so a fix is noticed and the list
    /// kept true); any other line must be right.
    /// </summary>
    public static void AssertLine(string file, int line, bool right, string whatWentWrong)
    {
        if (s_knownMisses.TryGetValue($"{file}:{line}", out var reason))
        {
            Assert.False(right, $"{file}:{line} is right now: remove it from known-misses.txt (it was listed as: {reason})");
        }
        else
        {
            Assert.True(right, $"{file}:{line}: {whatWentWrong}");
        }
    }

    /// <summary>Corpus lines as theory rows: the line number and the text, so a failing case names both.</summary>
    public static TheoryData<int, string> Rows(IEnumerable<(int Number, string Text)> lines)
    {
        var data = new TheoryData<int, string>();
        foreach (var (number, text) in lines)
        {
            data.Add(number, text);
        }
        return data;
    }

    private static PersonalInformationLine ParsePositive(int number, string line)
    {
        var columns = line.Split('\t');
        if (columns.Length < 3 || columns.Length % 2 == 0)
        {
            throw new FormatException($"personal-information-positives.tsv line {number}: expected kind, text, span (and more kind, span pairs).");
        }
        var text = columns[1];
        // The first pair is split by the text: kind, text, span; any further ones are kind, span.
        var pairs = new List<(string Kind, string Span)> { (columns[0], columns[2]) };
        for (var i = 3; i + 1 < columns.Length; i += 2)
        {
            pairs.Add((columns[i], columns[i + 1]));
        }
        var expected = new List<ExpectedSpan>();
        foreach (var (kind, span) in pairs)
        {
            var start = text.IndexOf(span, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new FormatException($"personal-information-positives.tsv line {number}: \"{span}\" is not in the text.");
            }
            expected.Add(new ExpectedSpan(Enum.Parse<PersonalInformationKind>(kind), start, span.Length));
        }
        return new PersonalInformationLine(number, text, expected);
    }

    private static List<(int Number, string Text)> Lines(string file) =>
        File.ReadLines(Path.Combine(s_folder, file))
            .Select((text, index) => (Number: index + 1, Text: text))
            .Where(line => line.Text.Length > 0 && !line.Text.StartsWith('#'))
            .Select(line => (line.Number, line.Text.Replace("\\n", "\n", StringComparison.Ordinal)))
            .ToList();
}
