using System.Net;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>Signing in and out, lockout, password reset, and not telling strangers who has an account.</summary>
public sealed class SignInTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string NoMatch = AccountController.NoSignInMessage;
    private static readonly string NewPassword = Canaries.Password();

    [Fact]
    public async Task SignIn_WithWrongPasswordOrUnknownEmail_ShowsTheSameNoMatchMessage()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var wrongPassword = await SignInAsync(factory.CreateForumClient(), member.Email, Canaries.Password());
        var unknownEmail = await SignInAsync(factory.CreateForumClient(), Members.UniqueEmail("nobody"), "not the right password");

        Assert.Equal([NoMatch], wrongPassword.TextsOf(".form-errors li"));
        Assert.Equal(wrongPassword.Status, unknownEmail.Status);
        Assert.Equal(wrongPassword.TextsOf("main h1, main .form-errors li"), unknownEmail.TextsOf("main h1, main .form-errors li"));
        Assert.Equal("Sign in", wrongPassword.TextOf("h1"));
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountSoTheRightPasswordFailsWithTheSameMessage()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var client = factory.CreateForumClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(client, member.Email, $"wrong password number {attempt}");
        }

        var page = await SignInAsync(client, member.Email, member.Password);

        Assert.Equal("Sign in", page.TextOf("h1"));
        // A stranger must not learn from the page that the address has an account, locked or not.
        Assert.Equal([NoMatch], page.TextsOf(".form-errors li"));
        Assert.Null(page.TextOf(".signed-in-as"));
    }

    [Fact]
    public async Task ForgotPassword_ThenResetLinkFromMail_NewPasswordWorksAndOldDoesNot()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var client = factory.CreateForumClient();
        await ForgotPasswordAsync(client, member.Email);
        var mail = await factory.Mail.WaitForAsync(member.Email, "Reset your PatientForum password");
        var link = MailPickup.LinkIn(mail, "/account/reset-password");
        Canaries.PlantQueryValue("reset code", link, "code");
        var form = await client.GetOkAsync(link);

        var reset = await client.SubmitAsync(form, "form[action='/account/reset-password']", new Dictionary<string, string?>
        {
            ["Email"] = member.Email,
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        Assert.Equal("Password changed", reset.TextOf("h1"));
        var withOld = await SignInAsync(factory.CreateForumClient(), member.Email, member.Password);
        Assert.Equal([NoMatch], withOld.TextsOf(".form-errors li"));
        var withNew = await SignInAsync(factory.CreateForumClient(), member.Email, NewPassword);
        Assert.Equal("/", withNew.Url);
        Assert.Equal(member.DisplayName, withNew.TextOf(".signed-in-as strong"));
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownAddress_ShowsTheSamePageAndSendsNoMail()
    {
        var member = await Members.RegisterAsync(factory);
        var unknown = Members.UniqueEmail("nobody");

        var forUnknown = await ForgotPasswordAsync(factory.CreateForumClient(), unknown);
        var forKnown = await ForgotPasswordAsync(factory.CreateForumClient(), member.Email);

        Assert.Equal(forKnown.Status, forUnknown.Status);
        Assert.Equal("Check your email", forUnknown.TextOf("h1"));
        Assert.Equal(forKnown.TextsOf("main h1, main p"), forUnknown.TextsOf("main h1, main p"));

        // The worker sends oldest first: once the later mail to the known address is out, any to the unknown one would be too.
        await factory.Mail.WaitForAsync(member.Email, "Reset your PatientForum password");
        Assert.Empty(factory.Mail.To(unknown));
    }

    [Fact]
    public async Task Register_WithAnEmailThatHasAnAccount_ShowsCheckYourEmailAndWarnsTheOwnerWithoutASecondAccount()
    {
        var email = Members.UniqueEmail();
        var firstPage = await RegisterAsync(factory.CreateForumClient(), email, Members.UniqueName());
        await factory.Mail.WaitForAsync(email, "Confirm your email");
        var secondName = Members.UniqueName("Impostor");

        var secondPage = await RegisterAsync(factory.CreateForumClient(), email, secondName);

        Assert.Equal("Check your email", secondPage.TextOf("h1"));
        Assert.Equal(firstPage.TextsOf("main h1, main p"), secondPage.TextsOf("main h1, main p"));
        var warning = await factory.Mail.WaitForAsync(email, "Someone tried to register");
        Assert.Contains("/account/forgot-password", warning.TextBody, StringComparison.Ordinal);
        Assert.Single(factory.Mail.To(email), m => (m.Subject ?? "").Contains("Confirm your email", StringComparison.Ordinal));
        Assert.Equal((1L, 0L), await CountAccountsAsync(email, secondName));
    }

    [Fact]
    public async Task SignOut_FromASignedInSession_EndsItSoMembersPagesRedirectToSignIn()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var signedIn = await member.Client.GetOkAsync("/t/rehab/new");

        var home = await member.Client.SubmitAsync(signedIn, "form[action='/account/logout']", new Dictionary<string, string?>());
        var after = await member.Client.GetAsync("/t/rehab/new");

        Assert.Equal("/", home.Url);
        Assert.Null(home.TextOf(".signed-in-as"));
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.StartsWith("/account/login", after.Url, StringComparison.Ordinal);
        Assert.Equal("Sign in", after.TextOf("h1"));
    }

    private static async Task<ForumClient.Page> SignInAsync(ForumClient client, string email, string password)
    {
        var form = await client.GetOkAsync("/account/login");
        return await client.SubmitAsync(form, "form[action='/account/login']", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
    }

    private static async Task<ForumClient.Page> ForgotPasswordAsync(ForumClient client, string email)
    {
        var form = await client.GetOkAsync("/account/forgot-password");
        return await client.SubmitAsync(form, "form[action='/account/forgot-password']", new Dictionary<string, string?> { ["Email"] = email });
    }

    private static async Task<ForumClient.Page> RegisterAsync(ForumClient client, string email, string displayName)
    {
        var password = Canaries.Password();
        var form = await client.GetOkAsync("/account/register");
        return await client.SubmitAsync(form, "form[action='/account/register']", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["DisplayName"] = displayName,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });
    }

    /// <summary>How many accounts use the address, and how many the display name, read from the database.</summary>
    private async Task<(long WithEmail, long WithDisplayName)> CountAccountsAsync(string email, string displayName) =>
        (await factory.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", ("email", email.ToUpperInvariant())),
         await factory.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM "AspNetUsers" WHERE "DisplayName" = @name""", ("name", displayName)));
}
