using PatientForum.Web.Features.Safety;

namespace PatientForum.Tests.Features.Safety;

/// <summary>How the detector reads around a phrase: negation, reported speech, quotations and exceptions.</summary>
public sealed class CrisisLanguageDetectorTests
{
    private static readonly CrisisLanguageDetector s_detector = new(CrisisLexicon.Parse(
        ["(want|wanted) to die", "kill myself", "feel ... suicidal", "(don't|do not) want to live anymore", "! die of embarrassment"], "test.txt"));

    [Fact]
    public void Find_APhrase_ReturnsItsSpanAndPattern()
    {
        const string Text = "After the third injection failed I want to die.";

        var match = Assert.Single(s_detector.Find(Text));

        Assert.Equal("want to die", Text.Substring(match.Start, match.Length));
        Assert.Equal("(want|wanted) to die", match.Phrase);
    }

    [Theory]
    [InlineData("I would never kill myself.")]
    [InlineData("I'm not going to kill myself, I just need help.")]
    [InlineData("I don't feel suicidal, just tired.")]
    [InlineData("I'm not feeling suicidal at all.")]
    public void Find_ANegatedPhrase_FindsNothing(string text) => Assert.Empty(s_detector.Find(text));

    [Theory]
    [InlineData("I no longer care. I want to die.")]
    [InlineData("I don't know why, but I want to die.")]
    [InlineData("I don't want to live anymore.")]
    [InlineData("Not gonna lie, I want to die.")]
    public void Find_ANegationThatDoesNotDenyThePhrase_StillFindsIt(string text) => Assert.NotEmpty(s_detector.Find(text));

    [Theory]
    [InlineData("My doctor asked if I wanted to kill myself and I said no.")]
    [InlineData("The form asks whether you feel suicidal.")]
    [InlineData("The leaflet warns that it can make you feel suicidal.")]
    [InlineData("If you ever feel suicidal, call 116 123.")]
    public void Find_ReportedSpeech_FindsNothing(string text) => Assert.Empty(s_detector.Find(text));

    [Fact]
    public void Find_AReportedQuestionTheWriterAnswersYes_FindsIt() =>
        Assert.NotEmpty(s_detector.Find("The nurse asked if I feel suicidal and I said yes."));

    [Theory]
    [InlineData("She wrote \"I want to die\" on the form and then crossed it out.")]
    [InlineData("> I want to die\n\nThat was me two years ago, hang on everyone.")]
    [InlineData("The song goes “I want to die” and it's stuck in my head.")]
    public void Find_QuotedText_FindsNothing(string text) => Assert.Empty(s_detector.Find(text));

    [Fact]
    public void Find_TheWriterQuotingThemselves_FindsIt() =>
        Assert.NotEmpty(s_detector.Find("Last night I told my husband \"I want to die\" and he just held me."));

    [Fact]
    public void Find_APhraseInsideAnException_FindsNothing() =>
        Assert.Empty(s_detector.Find("I wanted to die of embarrassment when I fell off the couch."));

    [Theory]
    [InlineData("This pain is killing me.")]
    [InlineData("I take 800mg ibuprofen and 50mg tramadol.")]
    [InlineData("")]
    public void Find_EverydayPainTalk_FindsNothing(string text) => Assert.Empty(s_detector.Find(text));
}
