using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Settings;
using static PatientForum.Tests.Features.Settings.AccountSettings;

namespace PatientForum.Tests.Features.Settings;

/// <summary>The member's own security activity: what is recorded, what it says of the browser, and who sees it.</summary>
public sealed class SecurityActivityTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    [Fact]
    public async Task Activity_ShowsOwnSignInsWithTheBrowser_AndNeverAnotherMembersEvents()
    {
        using var forum = new ForumFactory();
        var member = await MemberAsync(forum);
        var other = await MemberAsync(forum);
        var firefox = forum.CreateForumClient();
        firefox.Http.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        (await Members.SignInAsync(firefox, member with { Client = firefox })).EnsureSuccess();
        var chrome = forum.CreateForumClient();
        chrome.Http.DefaultRequestHeaders.UserAgent.ParseAdd(ChromeOnWindows);
        (await Members.SignInAsync(chrome, other with { Client = chrome })).EnsureSuccess();

        var mine = await ActivityAsync(firefox);
        var theirs = await ActivityAsync(chrome);

        Assert.Equal(("Signed in", "Firefox on Linux"), mine[0]);
        Assert.DoesNotContain(mine, row => row.Client == "Chrome on Windows");
        Assert.Equal(("Signed in", "Chrome on Windows"), theirs[0]);
        Assert.DoesNotContain(theirs, row => row.Client == "Firefox on Linux");
        var page = await firefox.GetOkAsync("/account/activity");
        Assert.DoesNotContain("127.0.0.1", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_OlderThanTheKeepDays_IsRemovedByTheCleanup()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ForumFactory { Clock = time };
        var member = await MemberAsync(forum);
        Assert.Contains(await ActivityAsync(member.Client), row => row.What == "Signed in");

        time.Advance(TimeSpan.FromDays(366));
        await forum.Services.GetRequiredService<SecurityActivityCleanup>().RemoveExpiredAsync(CancellationToken.None);
        (await Members.SignInAsync(member.Client, member)).EnsureSuccess();

        var rows = await ActivityAsync(member.Client);
        Assert.Equal([("Signed in", "Unknown browser")], rows);
    }

    [Theory]
    [InlineData(Firefox, "Firefox on Linux")]
    [InlineData(ChromeOnWindows, "Chrome on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS")]
    [InlineData(null, "Unknown browser")]
    [InlineData("", "Unknown browser")]
    public void ClientDescription_FromUserAgent_NamesBrowserAndSystemOnly(string? userAgent, string expected) =>
        Assert.Equal(expected, ClientDescription.From(userAgent));

    [Fact]
    public void ClientDescription_HugeHeader_StaysShort()
    {
        var description = ClientDescription.From(new string('x', 100_000) + " Firefox/1 Linux");
        Assert.True(description.Length <= 64);
        Assert.Equal("Unknown browser", description);
    }

    [Fact]
    public async Task Activity_AfterTurningOnTwoFactor_SaysSo()
    {
        using var forum = new ForumFactory();
        var member = await Members.RegisterConfirmedAsync(forum);

        await TwoFactor.EnableAsync(member.Client);

        Assert.Contains(await ActivityAsync(member.Client), row => row.What == "Two-factor sign-in turned on");
    }
}
