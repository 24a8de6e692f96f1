using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Settings;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// Two-factor sign-in for members: set up through the page with a real authenticator code, the second sign-in
/// step, recovery codes, and turning it off. Codes come from <see cref="Totp"/>, computed from the key the page shows.
/// </summary>
public sealed partial class TwoFactorTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string CodeStep = "/account/login/two-factor";

    [Fact]
    public async Task Enable_WithACodeFromTheShownKey_ShowsTenRecoveryCodesOnce_AndTheKeyInGroupsOfFour()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var page = await member.Client.GetOkAsync("/account/two-factor");
        var key = page.TextOf("#shared-key")!;
        var uri = page.TextOf("#authenticator-uri")!;

        var (_, codes) = await TwoFactor.EnableAsync(member.Client);

        Assert.Matches(GroupsOfFour(), key);
        Assert.StartsWith("otpauth://totp/PatientForum:", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}&issuer=PatientForum", uri, StringComparison.Ordinal);
        Assert.Equal(10, codes.Distinct().Count());
        var after = await member.Client.GetOkAsync("/account/two-factor");
        Assert.Null(after.TextOf("#shared-key"));
        Assert.Equal("10", after.TextOf("#recovery-codes-left strong"));
        Assert.DoesNotContain(codes[0], after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetUpPage_OpenedInSeveralTabsAtOnce_ShowsOneKeyInEvery_AndACodeFromItTurnsTwoFactorOn()
    {
        // The first visit makes the key; tabs opened together (a moderator sent to set up two-factor from every
        // staff page) must not each make one, or fail on the one another tab made.
        var member = await Members.RegisterConfirmedAsync(factory);

        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => member.Client.GetAsync("/account/two-factor")));

        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        var key = Assert.Single(pages.Select(page => page.TextOf("#shared-key")).Distinct());
        Assert.Equal(key, (await member.Client.GetOkAsync("/account/two-factor")).TextOf("#shared-key"));
        var (enabledWith, _) = await TwoFactor.EnableAsync(member.Client);
        Assert.Equal(key!.Replace(" ", "", StringComparison.Ordinal), enabledWith.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true);
    }

    [Fact]
    public async Task SetUpPage_FirstVisit_KeepsTheMemberSignedInOnTheirOtherDevices()
    {
        // Making the first key replaces nothing; a new security stamp would sign the member out everywhere else at
        // the next stamp check (every minute) just for opening the page.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ForumFactory { Clock = time };
        var member = await AccountSettings.MemberAsync(forum);
        var phone = forum.CreateForumClient();
        (await Members.SignInAsync(phone, member with { Client = phone })).EnsureSuccess();

        Assert.NotNull((await member.Client.GetOkAsync("/account/two-factor")).TextOf("#shared-key"));
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await AccountSettings.SignedInAsync(forum, phone));
        Assert.True(await AccountSettings.SignedInAsync(forum, member.Client));
    }

    [Fact]
    public async Task Enable_WithAWrongCode_IsRefusedAndStaysOff()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var page = await member.Client.GetOkAsync("/account/two-factor");

        var refused = await member.Client.SubmitAsync(page, "form[action='/account/two-factor/enable']", new Dictionary<string, string?>
        {
            ["Code"] = WrongCode(page.TextOf("#shared-key")!),
        });

        Assert.Equal("Two-factor sign-in", refused.TextOf("h1"));
        Assert.Contains("not right", refused.TextOf("#Code-error"), StringComparison.Ordinal);
        var signIn = await Members.SignInAsync(factory.CreateForumClient(), member);
        Assert.Equal(member.DisplayName, signIn.TextOf(".signed-in-as strong"));
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_PasswordAloneStopsAtTheCodeStep_AndTheCodeSignsIn()
    {
        var member = await MemberWithTwoFactorAsync();
        var client = factory.CreateForumClient();

        var step = await PasswordAsync(client, member, "/t/rehab");

        Assert.StartsWith(CodeStep, step.Url, StringComparison.Ordinal);
        Assert.Equal("Enter your sign-in code", step.TextOf("h1"));
        Assert.Null(step.TextOf(".signed-in-as"));
        Assert.False(step.Document.QuerySelector("#RememberDevice")!.HasAttribute("checked"));
        var code = step.Document.QuerySelector("#Code")!;
        Assert.Equal("one-time-code", code.GetAttribute("autocomplete"));
        Assert.Equal("numeric", code.GetAttribute("inputmode"));
        Assert.Equal("/account/login", (await client.GetAsync("/account/two-factor")).Url.Split('?')[0]);

        var done = await CodeAsync(client, step, Totp.Code(member.AuthenticatorKey!));

        Assert.Equal("/t/rehab", done.Url);
        Assert.Equal(member.DisplayName, done.TextOf(".signed-in-as strong"));
    }

    [Fact]
    public async Task SignIn_WithRememberThisDevice_SkipsTheCodeOnlyOnThatDevice()
    {
        var member = await MemberWithTwoFactorAsync();
        var deviceCookies = new CookieContainer();
        var device = ClientWith(deviceCookies);
        var step = await PasswordAsync(device, member);
        await device.SubmitAsync(step, $"form[action='{CodeStep}']", new Dictionary<string, string?>
        {
            ["Code"] = Totp.Code(member.AuthenticatorKey!),
            ["RememberDevice"] = "true",
        });

        // The same device after the browser closed: its session cookie is gone, the remembered-device one is not.
        var reopened = new CookieContainer();
        reopened.Add(deviceCookies.GetCookies(device.Http.BaseAddress!)["pf_2fa_device"] ?? throw new InvalidOperationException("No remembered-device cookie."));
        var again = await PasswordAsync(ClientWith(reopened), member);
        var elsewhere = await PasswordAsync(factory.CreateForumClient(), member);

        Assert.Equal("/", again.Url);
        Assert.Equal(member.DisplayName, again.TextOf(".signed-in-as strong"));
        Assert.StartsWith(CodeStep, elsewhere.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTwoFactorAndAnOutsideReturnUrl_EndsOnTheForum()
    {
        var member = await MemberWithTwoFactorAsync();
        var client = factory.CreateForumClient();

        var step = await PasswordAsync(client, member, "https://evil.example.org/");
        var done = await CodeAsync(client, step, Totp.Code(member.AuthenticatorKey!));

        Assert.Equal("/", done.Url);
        Assert.Equal(member.DisplayName, done.TextOf(".signed-in-as strong"));
    }

    [Fact]
    public async Task CodeStep_WithoutThePasswordFirst_SendsToTheSignInPage()
    {
        var page = await factory.CreateForumClient().GetAsync($"{CodeStep}?returnUrl=%2Fmoderation");

        Assert.Equal("/account/login", page.Url.Split('?')[0]);
        Assert.Equal("Sign in", page.TextOf("h1"));
    }

    [Fact]
    public async Task SignIn_WithAWrongCode_IsRefused_AndFiveWrongCodesLockTheAccount()
    {
        var member = await MemberWithTwoFactorAsync();
        var client = factory.CreateForumClient();
        var step = await PasswordAsync(client, member);

        var wrong = await CodeAsync(client, step, WrongCode(member.AuthenticatorKey!));

        Assert.StartsWith(CodeStep, wrong.Url, StringComparison.Ordinal);
        Assert.Contains("That code is not right", wrong.TextOf("#Code-error"), StringComparison.Ordinal);
        Assert.Null(wrong.TextOf(".signed-in-as"));
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            wrong = await CodeAsync(client, wrong, WrongCode(member.AuthenticatorKey!));
        }
        var locked = await CodeAsync(client, wrong, Totp.Code(member.AuthenticatorKey!));
        Assert.Contains("locked", locked.TextOf("#Code-error"), StringComparison.Ordinal);
        Assert.Null(locked.TextOf(".signed-in-as"));
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndIsRefusedTheSecondTime()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (key, codes) = await TwoFactor.EnableAsync(member.Client);
        member = member with { AuthenticatorKey = key };

        var first = factory.CreateForumClient();
        await PasswordAsync(first, member);
        var used = await RecoveryCodeAsync(first, codes[3].ToLowerInvariant());
        Assert.Equal(member.DisplayName, used.TextOf(".signed-in-as strong"));
        var left = await first.GetOkAsync("/account/two-factor");
        Assert.Equal("9", left.TextOf("#recovery-codes-left strong"));

        var second = factory.CreateForumClient();
        await PasswordAsync(second, member);
        var again = await RecoveryCodeAsync(second, codes[3]);
        Assert.Contains("used already", again.TextOf("#Code-error"), StringComparison.Ordinal);
        Assert.Null(again.TextOf(".signed-in-as"));
    }

    [Fact]
    public async Task Disable_NeedsACurrentCodeOrThePassword_ThenThePasswordAloneSignsIn()
    {
        var member = await MemberWithTwoFactorAsync();
        const string form = "form[action='/account/two-factor/disable']";
        var page = await member.Client.GetOkAsync("/account/two-factor");

        var empty = await member.Client.SubmitAsync(page, form, new Dictionary<string, string?>());
        var wrong = await member.Client.SubmitAsync(page, form, new Dictionary<string, string?>
        {
            ["Off.Code"] = WrongCode(member.AuthenticatorKey!),
            ["Off.Password"] = "not my password at all",
        });
        Assert.Contains("Enter a code", empty.TextOf(".form-errors li"), StringComparison.Ordinal);
        Assert.Contains("not right", wrong.TextOf(".form-errors li"), StringComparison.Ordinal);
        var stillOn = await PasswordAsync(factory.CreateForumClient(), member);
        Assert.StartsWith(CodeStep, stillOn.Url, StringComparison.Ordinal);

        var off = await member.Client.SubmitAsync(page, form, new Dictionary<string, string?> { ["Off.Code"] = Totp.Code(member.AuthenticatorKey!) });

        Assert.Equal("Two-factor sign-in is off", off.TextOf("h1"));
        var signIn = await PasswordAsync(factory.CreateForumClient(), member);
        Assert.Equal("/", signIn.Url);
        Assert.Equal(member.DisplayName, signIn.TextOf(".signed-in-as strong"));
    }

    [Fact]
    public async Task NewRecoveryCodes_WithThePassword_ReplaceTheOldOnes()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (key, oldCodes) = await TwoFactor.EnableAsync(member.Client);
        member = member with { AuthenticatorKey = key };
        var page = await member.Client.GetOkAsync("/account/two-factor");

        var fresh = await member.Client.SubmitAsync(page, "form[action='/account/two-factor/recovery-codes']", new Dictionary<string, string?>
        {
            ["New.Password"] = member.Password,
        });

        var newCodes = fresh.TextsOf(".recovery-codes code");
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        var client = factory.CreateForumClient();
        await PasswordAsync(client, member);
        Assert.Contains("not right", (await RecoveryCodeAsync(client, oldCodes[0])).TextOf("#Code-error"), StringComparison.Ordinal);
        Assert.Equal(member.DisplayName, (await RecoveryCodeAsync(client, newCodes[0])).TextOf(".signed-in-as strong"));
    }

    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(2000000000, "69279037")]
    public void TotpHelper_MatchesTheRfc6238TestVectors(long unixSeconds, string expected)
    {
        var secret = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(expected, Totp.Code(secret, unixSeconds / 30, 8));
        Assert.Equal(expected[2..], Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    private ForumClient ClientWith(CookieContainer cookies) =>
        factory.CreateForumClient(cookies);

    private async Task<Member> MemberWithTwoFactorAsync()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        return member with { AuthenticatorKey = (await TwoFactor.EnableAsync(member.Client)).Key };
    }

    private static async Task<ForumClient.Page> PasswordAsync(ForumClient client, Member member, string? returnUrl = null)
    {
        var login = await client.GetOkAsync(returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return await client.SubmitAsync(login, "form[action='/account/login']", new Dictionary<string, string?>
        {
            ["Email"] = member.Email,
            ["Password"] = member.Password,
        });
    }

    /// <summary>Sends a code through the form on <paramref name="step"/>: the code step, or its answer to a wrong code.</summary>
    private static Task<ForumClient.Page> CodeAsync(ForumClient client, ForumClient.Page step, string code) =>
        client.SubmitAsync(step, $"form[action='{CodeStep}']", new Dictionary<string, string?> { ["Code"] = code });

    private static async Task<ForumClient.Page> RecoveryCodeAsync(ForumClient client, string code)
    {
        var step = await client.GetOkAsync("/account/login/recovery-code");
        return await client.SubmitAsync(step, "form[action='/account/login/recovery-code']", new Dictionary<string, string?> { ["Code"] = code });
    }

    /// <summary>Six digits that are no code of this key anywhere near now (Identity accepts a few steps either side).</summary>
    public static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var near = Enumerable.Range(-4, 9).Select(step => Totp.Code(key, now.AddSeconds(step * 30))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => $"{i * 10101 % 1_000_000:D6}").First(candidate => !near.Contains(candidate));
    }

    [GeneratedRegex("^([a-z2-7]{4} )+[a-z2-7]{1,4}$")]
    private static partial Regex GroupsOfFour();
}
