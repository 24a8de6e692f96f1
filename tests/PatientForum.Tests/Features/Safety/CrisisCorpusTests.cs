using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace PatientForum.Tests.Features.Safety;

/// <summary>
/// The crisis-language check measured on its corpus: each line is its own case (every miss and false alarm listed
/// with its text), and a summary reports recall and precision against the targets.
/// </summary>
public sealed class CrisisCorpusTests(ITestOutputHelper output)
{
    private const double RecallTarget = 0.9;
    private const double PrecisionTarget = 0.8;

    public static TheoryData<int, string> Positives() => SafetyCorpus.Rows(SafetyCorpus.CrisisPositives());

    public static TheoryData<int, string> Negatives() => SafetyCorpus.Rows(SafetyCorpus.CrisisNegatives());

    [Theory]
    [MemberData(nameof(Positives))]
    public void Find_OnACrisisLine_FindsAPhrase(int line, string text)
    {
        var matches = SafetyCorpus.Crisis.Find(text);

        SafetyCorpus.AssertLine("crisis-positives.txt", line, matches.Count > 0, $"not detected: {text}");
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Find_OnAHardNegativeLine_FindsNothing(int line, string text)
    {
        var matches = SafetyCorpus.Crisis.Find(text);

        SafetyCorpus.AssertLine("crisis-negatives.txt", line, matches.Count == 0,
            $"found [{string.Join(", ", matches.Select(m => $"\"{text.Substring(m.Start, m.Length)}\" by ({m.Phrase})"))}] in: {text}");
    }

    [Fact]
    public void Corpus_MeetsTheRecallAndPrecisionTargets()
    {
        var report = new StringBuilder();
        var positives = SafetyCorpus.CrisisPositives();
        var missed = positives.Where(line => SafetyCorpus.Crisis.Find(line.Text).Count == 0).ToList();
        var negatives = SafetyCorpus.CrisisNegatives();
        var falseAlarms = negatives.Where(line => SafetyCorpus.Crisis.Find(line.Text).Count > 0).ToList();
        var found = positives.Count - missed.Count;
        var recall = (double)found / positives.Count;
        var precision = found + falseAlarms.Count == 0 ? 1 : (double)found / (found + falseAlarms.Count);

        report.AppendLine(CultureInfo.InvariantCulture,
            $"positives {positives.Count}, found {found}, missed {missed.Count}; negatives {negatives.Count}, false alarms {falseAlarms.Count}");
        report.AppendLine(CultureInfo.InvariantCulture, $"recall {recall:0.000}, precision {precision:0.000}");
        foreach (var (number, text) in missed)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"missed   positives:{number} {text}");
        }
        foreach (var (number, text) in falseAlarms)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"false    negatives:{number} {text}");
        }
        output.WriteLine(report.ToString());

        Assert.True(recall >= RecallTarget && precision >= PrecisionTarget,
            $"Below recall {RecallTarget} or precision {PrecisionTarget}:\n{report}");
    }
}
