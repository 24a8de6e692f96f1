using PatientForum.Web.Features.Safety;

namespace PatientForum.Tests.Features.Safety;

/// <summary>The lexicon file moderators edit: its syntax, and the clear error a bad line gives.</summary>
public sealed class CrisisLexiconTests
{
    [Fact]
    public void Parse_CommentsAndBlankLines_AreSkipped()
    {
        var lexicon = CrisisLexicon.Parse(["# a comment", "", "   ", "end my life", "  # an indented comment", "! dying to know"], "test.txt");

        var phrase = Assert.Single(lexicon.Phrases);
        Assert.Equal("end my life", phrase.Pattern);
        Assert.Equal(4, phrase.LineNumber);
        Assert.Equal("dying to know", Assert.Single(lexicon.Exceptions).Pattern);
    }

    [Theory]
    [InlineData("I want to END MY LIFE", true)]
    [InlineData("I want to end my   life", true)]
    [InlineData("blend my life", false)]
    [InlineData("end my lifestyle", false)]
    public void Phrase_MatchesWholeWordsInAnyCaseAndSpacing(string text, bool matches) =>
        Assert.Equal(matches, Compile("end my life").IsMatch(text));

    [Theory]
    [InlineData("I want to die", true)]
    [InlineData("I just want to die", true)]
    [InlineData("I wanted to die", true)]
    [InlineData("I want die", false)]
    public void Group_WithAnEmptyAlternative_IsOptional(string text, bool matches) =>
        Assert.Equal(matches, Compile("i (just|) (want|wanted) to die").IsMatch(text));

    [Theory]
    [InlineData("I feel suicidal", true)]
    [InlineData("I feel so very suicidal", true)]
    [InlineData("I feel one two three suicidal", true)]
    [InlineData("I feel one two three four suicidal", false)]
    public void Gap_TakesUpToThreeWords(string text, bool matches) =>
        Assert.Equal(matches, Compile("feel ... suicidal").IsMatch(text));

    [Theory]
    [InlineData("I've been self-harming", true)]
    [InlineData("I've been self harming", true)]
    [InlineData("I've been self harm", true)]
    [InlineData("I've been selfish", false)]
    public void StarAndHyphen_MatchAnyEndingAndEitherSpelling(string text, bool matches) =>
        Assert.Equal(matches, Compile("been self-harm*").IsMatch(text));

    [Fact]
    public void Phrase_WithAStraightApostrophe_MatchesACurlyOne() =>
        Assert.Matches(Compile("don't want to wake up"), "I don’t want to wake up");

    [Theory]
    [InlineData("suicidal", "at least two words")]
    [InlineData("(feel|felt|) suicidal", "at least two words")]
    [InlineData("end (my life", "never closed")]
    [InlineData("end my life)", "no '('")]
    [InlineData("end (my (own) life)", "nested")]
    [InlineData("end () life", "at least one word")]
    [InlineData("... end my life", "must start")]
    [InlineData("end my life ...", "between two words")]
    [InlineData("(really|) want to die", "must start")]
    [InlineData("end my l[i]fe", "is not a word")]
    public void Parse_ABadLine_FailsNamingTheFileTheLineAndTheReason(string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CrisisLexicon.Parse(["# header", "kill myself", line], "crisis-lexicon.txt"));

        Assert.StartsWith("crisis-lexicon.txt line 3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AFileWithNoPhrases_Fails()
    {
        var error = Assert.Throws<FormatException>(() => CrisisLexicon.Parse(["# only comments", "! dying to know"], "empty.txt"));

        Assert.Contains("empty.txt holds no phrases", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TheShippedLexicon_Parses()
    {
        var lexicon = CrisisLexicon.Load(Path.Combine(RepoPaths.Root, "seed", "safety", "crisis-lexicon.txt"));

        Assert.True(lexicon.Phrases.Count > 20);
        Assert.NotEmpty(lexicon.Exceptions);
    }

    private static System.Text.RegularExpressions.Regex Compile(string pattern) =>
        CrisisLexicon.Parse([pattern], "test.txt").Phrases[0].Regex;
}
