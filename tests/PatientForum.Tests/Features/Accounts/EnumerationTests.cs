using System.Net;
using System.Text.RegularExpressions;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// Whether an address has an account here is itself health information. Every form that takes an address answers
/// an address with an account exactly as one without: the same status, the same page once the antiforgery token
/// and what the visitor typed are set aside, and cookies of the same names. (How long each takes is compared by
/// the benchmark's accounts scenario, not here.)
/// </summary>
public sealed partial class EnumerationTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string CommonPassword = "1234567890";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_WithAnAddressThatHasAnAccountOrNot_AnswersAlike(bool commonPassword)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var password = commonPassword ? CommonPassword : Canaries.Password();

        var existing = await RegisterAsync(member.Email, password);
        var fresh = await RegisterAsync(Members.UniqueEmail("new"), password);

        AssertAlike(existing, fresh);
        Assert.Equal(commonPassword ? "Register" : "Check your email", fresh.Page.TextOf("h1"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_UnknownAddress_UnconfirmedAccount_AndLockedAccount_AllAnswerAlike()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var locked = await Members.RegisterConfirmedAsync(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(locked.Email, Canaries.Password());
        }

        // Someone registers an address with a password of their choosing: if they could then sign in, they would know it was new.
        var registeredByAStranger = await Members.RegisterAsync(factory);

        var wrongPassword = await SignInAsync(member.Email, Canaries.Password());
        var unknown = await SignInAsync(Members.UniqueEmail("nobody"), Canaries.Password());
        var unconfirmed = await SignInAsync(registeredByAStranger.Email, registeredByAStranger.Password);
        var lockedOut = await SignInAsync(locked.Email, locked.Password);

        AssertAlike(wrongPassword, unknown);
        AssertAlike(wrongPassword, unconfirmed);
        AssertAlike(wrongPassword, lockedOut);
        Assert.Equal("Sign in", unknown.Page.TextOf("h1"));
    }

    [Fact]
    public async Task ForgotPassword_ForAnAddressWithAnAccountOrNot_AnswersAlike()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var existing = await SendAddressAsync("/account/forgot-password", member.Email);
        var unknown = await SendAddressAsync("/account/forgot-password", Members.UniqueEmail("nobody"));

        AssertAlike(existing, unknown);
    }

    [Fact]
    public async Task ResendConfirmation_ForAnUnconfirmedAccountOrNone_AnswersAlike()
    {
        var member = await Members.RegisterAsync(factory);

        var existing = await SendAddressAsync("/account/resend-confirmation", member.Email);
        var unknown = await SendAddressAsync("/account/resend-confirmation", Members.UniqueEmail("nobody"));

        AssertAlike(existing, unknown);
    }

    /// <summary>An answer and the values the visitor typed, which the page may show back to them.</summary>
    private sealed record Answer(ForumClient.Page Page, params string[] Typed);

    private async Task<Answer> RegisterAsync(string email, string password)
    {
        var name = Members.UniqueName();
        var client = factory.CreateForumClient(followRedirects: false);
        var form = await client.GetOkAsync("/account/register");
        return new(await client.SubmitAsync(form, "form[action='/account/register']", new Dictionary<string, string?>
        {
            ["Email"] = email, ["DisplayName"] = name, ["Password"] = password, ["ConfirmPassword"] = password,
        }), email, name);
    }

    private async Task<Answer> SignInAsync(string email, string password)
    {
        var client = factory.CreateForumClient(followRedirects: false);
        return new(await client.SignInAsync(email, password, null), email);
    }

    private async Task<Answer> SendAddressAsync(string path, string email)
    {
        var client = factory.CreateForumClient(followRedirects: false);
        var form = await client.GetOkAsync(path);
        return new(await client.SubmitAsync(form, $"form[action='{path}']", new Dictionary<string, string?> { ["Email"] = email }), email);
    }

    private static void AssertAlike(Answer first, Answer second)
    {
        Assert.Equal(first.Page.Status, second.Page.Status);
        Assert.Equal(CookieNames(first.Page), CookieNames(second.Page));
        Assert.Equal(Normalized(first), Normalized(second));
    }

    private static string Normalized(Answer answer)
    {
        var text = TokenPattern().Replace(answer.Page.Text, "<token>");
        foreach (var typed in answer.Typed)
        {
            text = text.Replace(WebUtility.HtmlEncode(typed), "<typed>", StringComparison.Ordinal).Replace(typed, "<typed>", StringComparison.Ordinal);
        }
        return text;
    }

    private static List<string> CookieNames(ForumClient.Page page) =>
        page.Response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split('=')[0]).Order().ToList() : [];

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex TokenPattern();
}
