using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// The forms on the two-factor page that take a code from the app (turning it off, new recovery codes) count wrong
/// codes towards lockout like the sign-in does, so a session left open cannot be used to guess codes without end.
/// </summary>
public sealed class TwoFactorLockoutTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Theory]
    [InlineData("/account/two-factor/disable", "Off.Code")]
    [InlineData("/account/two-factor/recovery-codes", "New.Code")]
    public async Task FiveWrongCodes_OnASecurityForm_LockTheAccount_SoTheRightCodeAndPasswordFail(string action, string field)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        member = member with { AuthenticatorKey = (await TwoFactor.EnableAsync(member.Client)).Key };
        var wrong = TwoFactorTests.WrongCode(member.AuthenticatorKey!);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var page = await member.Client.GetOkAsync("/account/two-factor");
            var refused = await member.Client.SubmitAsync(page, $"form[action='{action}']", new Dictionary<string, string?> { [field] = wrong });
            Assert.Equal("Two-factor sign-in", refused.TextOf("h1"));
        }

        var form = await member.Client.GetOkAsync("/account/two-factor");
        var withRightCode = await member.Client.SubmitAsync(form, $"form[action='{action}']", new Dictionary<string, string?>
        {
            [field] = Totp.Code(member.AuthenticatorKey!),
        });
        var signIn = await Members.SignInAsync(factory.CreateForumClient(), member with { AuthenticatorKey = null });

        Assert.Equal("Two-factor sign-in", withRightCode.TextOf("h1"));
        Assert.Contains("Too many wrong codes", withRightCode.TextOf(".form-errors li"), StringComparison.Ordinal);
        Assert.Equal([AccountController.NoSignInMessage], signIn.TextsOf(".form-errors li"));
    }
}
