using PatientForum.Web.Features.Safety;

namespace PatientForum.Tests.Features.Safety;

public sealed class CheckDigitsTests
{
    [Theory]
    [InlineData("943 476 5919")] // The NHS's own published example.
    [InlineData("9434765919")]
    [InlineData("996-030-8243")]
    [InlineData("0830166130")] // Check digit 0 (remainder 11).
    public void IsValidNhsNumber_WithAPassingCheckDigit_IsTrue(string number) => Assert.True(CheckDigits.IsValidNhsNumber(number));

    [Theory]
    [InlineData("943 476 5918")] // Last digit off by one.
    [InlineData("943 476 591")] // Nine digits.
    [InlineData("1234567890")] // Remainder 10: never issued.
    [InlineData("")]
    public void IsValidNhsNumber_WithAWrongCheckDigitOrLength_IsFalse(string number) => Assert.False(CheckDigits.IsValidNhsNumber(number));

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("5555-5555-5555-4444")]
    [InlineData("378282246310005")] // Amex, 15 digits.
    [InlineData("30569309025904")] // Diners, 14 digits.
    public void PassesLuhn_WithPublishedTestCards_IsTrue(string number) => Assert.True(CheckDigits.PassesLuhn(number));

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("1234 5678 9012 3456")]
    [InlineData("4111 1111 111")] // Too short to be a card.
    public void PassesLuhn_WithAWrongCheckDigitOrLength_IsFalse(string number) => Assert.False(CheckDigits.PassesLuhn(number));

    [Theory]
    [InlineData("123-45-6789", true)]
    [InlineData("987-65-4321", true)] // An ITIN: area 9xx with group 65.
    [InlineData("000-12-3456", false)]
    [InlineData("666-12-3456", false)]
    [InlineData("123-00-4567", false)]
    [InlineData("123-45-0000", false)]
    [InlineData("912-34-5678", false)] // Area 9xx with a group no ITIN has.
    public void IsPlausibleSocialSecurityNumber_FollowsTheIssuingRules(string number, bool expected) =>
        Assert.Equal(expected, CheckDigits.IsPlausibleSocialSecurityNumber(number));

    [Theory]
    [InlineData("1234567T", true)] // Revenue's published example.
    [InlineData("1234567TW", true)]
    [InlineData("8200182R", true)]
    [InlineData("1234567A", false)]
    [InlineData("123456T", false)]
    public void IsValidPpsNumber_ChecksTheModulus23Letter(string number, bool expected) =>
        Assert.Equal(expected, CheckDigits.IsValidPpsNumber(number));
}
