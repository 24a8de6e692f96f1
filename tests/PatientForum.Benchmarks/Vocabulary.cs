using System.Text.RegularExpressions;

namespace PatientForum.Benchmarks;

/// <summary>
/// Words drawn from the patient guide in seed/guide, weighted by how often the guide uses them (a
/// Zipf-like spread, as in real text), plus the vocabulary of the four topics.
/// </summary>
public sealed partial class Vocabulary
{
    private static readonly string[] s_topicWords =
    [
        "injection", "steroid", "cortisone", "ultrasound", "biologics", "prp", "platelet", "plasma", "stem", "cells",
        "surgeon", "referral", "consultation", "arthroscopy", "rehab", "physio", "physiotherapy", "brace", "exercises",
        "shoulder", "knee", "hip", "back", "neck", "tendon", "muscle", "pain", "flare", "recovery", "weeks",
    ];

    private readonly string[] _words;

    private Vocabulary(string[] words) => _words = words;

    public static Vocabulary Load()
    {
        var guide = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "seed", "guide"), "*.md").Select(File.ReadAllText);
        var words = guide.SelectMany(text => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value))
            .Where(w => w.Length > 2 && w != "---")
            .Concat(s_topicWords.SelectMany(w => Enumerable.Repeat(w, 20)))
            .ToArray();
        return new Vocabulary(words);
    }

    /// <summary>Uniform over the guide's running text, so frequent words stay frequent.</summary>
    public string Pick(Random random) => _words[random.Next(_words.Length)];

    [GeneratedRegex(@"[a-z][a-z'\-]+")]
    private static partial Regex WordPattern();
}
