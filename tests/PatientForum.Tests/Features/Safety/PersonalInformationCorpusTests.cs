using System.Globalization;
using System.Text;
using PatientForum.Web.Features.Safety;
using Xunit.Abstractions;

namespace PatientForum.Tests.Features.Safety;

/// <summary>
/// The personal information check measured on its corpus: every line is its own case, so each miss and each false
/// alarm is listed with its text, and one summary reports precision and recall per kind against the targets.
/// </summary>
public sealed class PersonalInformationCorpusTests(ITestOutputHelper output)
{
    private const double RecallTarget = 0.95;
    private const double PrecisionTarget = 0.9;

    public static TheoryData<int, string> Positives() => SafetyCorpus.Rows(SafetyCorpus.PersonalInformationPositives().Select(l => (l.LineNumber, l.Text)));

    public static TheoryData<int, string> Negatives() => SafetyCorpus.Rows(SafetyCorpus.PersonalInformationNegatives());

    [Theory]
    [MemberData(nameof(Positives))]
    public void Find_OnAPositiveLine_FindsEachExpectedSpanAndNothingElse(int line, string text)
    {
        var expected = SafetyCorpus.PersonalInformationPositives().Single(l => l.LineNumber == line).Expected;

        var findings = SafetyCorpus.PersonalInformation.Find(text);

        var missed = expected.Where(e => !findings.Any(f => SafetyCorpus.Hits(f, e)))
            .Select(e => $"{e.Kind} \"{text.Substring(e.Start, e.Length)}\"").ToList();
        var unexpected = findings.Where(f => !expected.Any(e => SafetyCorpus.Hits(f, e))).Select(f => SafetyCorpus.Describe(text, f)).ToList();
        SafetyCorpus.AssertLine("personal-information-positives.tsv", line, missed.Count == 0 && unexpected.Count == 0,
            $"missed [{string.Join(", ", missed)}]; found instead or as well [{string.Join(", ", unexpected)}] in: {text}");
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Find_OnAHardNegativeLine_FindsNothing(int line, string text)
    {
        var findings = SafetyCorpus.PersonalInformation.Find(text);

        SafetyCorpus.AssertLine("personal-information-negatives.txt", line, findings.Count == 0,
            $"found [{string.Join(", ", findings.Select(f => SafetyCorpus.Describe(text, f)))}] in: {text}");
    }

    [Fact]
    public void Corpus_PerKind_MeetsTheRecallAndPrecisionTargets()
    {
        var counts = Enum.GetValues<PersonalInformationKind>().ToDictionary(k => k, _ => (Tp: 0, Fn: 0, Fp: 0));
        var report = new StringBuilder();
        foreach (var line in SafetyCorpus.PersonalInformationPositives())
        {
            var findings = SafetyCorpus.PersonalInformation.Find(line.Text);
            foreach (var expected in line.Expected)
            {
                var hit = findings.Any(f => SafetyCorpus.Hits(f, expected));
                var c = counts[expected.Kind];
                counts[expected.Kind] = hit ? (c.Tp + 1, c.Fn, c.Fp) : (c.Tp, c.Fn + 1, c.Fp);
                if (!hit)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"missed   positives:{line.LineNumber} {expected.Kind} in: {line.Text}");
                }
            }
            foreach (var finding in findings.Where(f => !line.Expected.Any(e => SafetyCorpus.Hits(f, e))))
            {
                counts[finding.Kind] = (counts[finding.Kind].Tp, counts[finding.Kind].Fn, counts[finding.Kind].Fp + 1);
                report.AppendLine(CultureInfo.InvariantCulture, $"false    positives:{line.LineNumber} {SafetyCorpus.Describe(line.Text, finding)} in: {line.Text}");
            }
        }
        foreach (var (number, text) in SafetyCorpus.PersonalInformationNegatives())
        {
            foreach (var finding in SafetyCorpus.PersonalInformation.Find(text))
            {
                counts[finding.Kind] = (counts[finding.Kind].Tp, counts[finding.Kind].Fn, counts[finding.Kind].Fp + 1);
                report.AppendLine(CultureInfo.InvariantCulture, $"false    negatives:{number} {SafetyCorpus.Describe(text, finding)} in: {text}");
            }
        }

        var table = new StringBuilder("kind                      expected  found  missed  false  recall  precision\n");
        var failures = new List<string>();
        foreach (var (kind, (tp, fn, fp)) in counts)
        {
            var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
            var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            table.AppendLine(CultureInfo.InvariantCulture, $"{kind,-25} {tp + fn,8} {tp,6} {fn,7} {fp,6} {recall,7:0.000} {precision,10:0.000}");
            if (recall < RecallTarget || precision < PrecisionTarget)
            {
                failures.Add($"{kind}: recall {recall:0.000}, precision {precision:0.000}");
            }
        }
        output.WriteLine(table.ToString());
        output.WriteLine(report.ToString());

        Assert.True(failures.Count == 0,
            $"Below recall {RecallTarget} or precision {PrecisionTarget}: {string.Join("; ", failures)}\n{table}\n{report}");
    }
}
