using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Safety;

namespace PatientForum.Tests.Features.Safety;

/// <summary>What the detector does beyond the corpus: spans and messages, overlaps, links, and its region setting.</summary>
public sealed class PersonalInformationDetectorTests
{
    private static readonly PersonalInformationDetector s_detector = SafetyCorpus.PersonalInformation;

    [Fact]
    public void Find_APhoneNumber_ReturnsItsSpanAndThePlainMessage()
    {
        const string Text = "Ring me on 07700 900461 after six.";

        var finding = Assert.Single(s_detector.Find(Text));

        Assert.Equal(PersonalInformationKind.PhoneNumber, finding.Kind);
        Assert.Equal("07700 900461", Text.Substring(finding.Start, finding.Length));
        Assert.Equal("This looks like a phone number. Stories are public: remove it, or post anyway.", finding.Message);
    }

    [Fact]
    public void Find_AnNhsNumberThatIsAlsoAPossiblePhoneNumber_ReportsTheRecordNumberOnly()
    {
        var finding = Assert.Single(s_detector.Find("My NHS number is 943 476 5919."));

        Assert.Equal(PersonalInformationKind.RecordNumber, finding.Kind);
    }

    [Fact]
    public void Find_SeveralKinds_ReturnsThemInReadingOrder()
    {
        var findings = s_detector.Find("Email jo@example.org or ring 0113 496 0721; I'm at 14 Acacia Avenue, LS6 2QT.");

        Assert.Equal(
            [PersonalInformationKind.EmailAddress, PersonalInformationKind.PhoneNumber, PersonalInformationKind.StreetAddress, PersonalInformationKind.Postcode],
            findings.Select(f => f.Kind));
    }

    [Theory]
    [InlineData("See https://www.example.org/guide/0161-496-0000 for the leaflet.")]
    [InlineData("[the guide](https://example.org/pain/07700900461)")]
    [InlineData("The trial is at example.org/trials/2015550143 if you want it.")]
    public void Find_DigitsInsideALink_FindsNothing(string text) => Assert.Empty(s_detector.Find(text));

    [Theory]
    [InlineData("My booking code is canary7957912401ff4f, keep it handy.")]
    [InlineData("The batch was ref07700900461b on the box.")]
    [InlineData("Token e5f5d9510b464c5484788448760dfc81 from the app.")]
    public void Find_DigitsGluedToLetters_FindsNothing(string text) => Assert.Empty(s_detector.Find(text));

    [Theory]
    [InlineData("Call 07700 900461.", "07700 900461")]
    [InlineData("tel:07700900461 works too", "07700900461")]
    public void Find_APhoneNumberBesidePunctuation_IsStillFound(string text, string number) =>
        Assert.Equal(number, text.Substring(Assert.Single(s_detector.Find(text)).Start, number.Length));

    [Fact]
    public void Find_AnEmailInAMailtoLink_FindsTheAddress()
    {
        var findings = s_detector.Find("[write to me](mailto:jo@example.org)");

        Assert.Equal(PersonalInformationKind.EmailAddress, Assert.Single(findings).Kind);
    }

    [Fact]
    public void Find_ANumberFailingItsCheckDigit_IsNoRecordNumber() =>
        Assert.DoesNotContain(s_detector.Find("Card 4111 1111 1111 1112 was declined."), f => f.Kind == PersonalInformationKind.RecordNumber);

    [Fact]
    public void Find_ANationalNumberOfARegionNotConfigured_FindsNothing()
    {
        var britishOnly = new PersonalInformationDetector(Options.Create(new SafetyOptions { PhoneRegions = ["GB"] }));

        // An Irish number written nationally, with no trunk 0 that marks it as a phone number for any region.
        Assert.Empty(britishOnly.Find("Dublin: 1 555 0123."));
        Assert.NotEmpty(britishOnly.Find("Dublin: +353 1 555 0123."));
    }

    [Fact]
    public void Find_ClinicianWithoutTheWritersName_FindsNothing() =>
        Assert.Empty(s_detector.Find("Dr Priya Natarajan at St Mary's Hospital did my fusion."));

    [Fact]
    public void Find_ClinicianNextToTheWritersName_FindsTheClinician()
    {
        const string Text = "My name is Karen Holt and Dr Priya Natarajan did my fusion.";

        var finding = Assert.Single(s_detector.Find(Text));

        Assert.Equal("Dr Priya Natarajan", Text.Substring(finding.Start, finding.Length));
    }
}
