using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Theme;

/// <summary>
/// The theme menu: a member's choice is saved on their account and handed to every device they sign in on as the
/// cookie the page's script reads; a visitor's choice is that cookie alone and never changes the HTML they are served.
/// </summary>
public sealed class ThemeTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string CookieName = "pf_theme";

    [Fact]
    public async Task SaveTheme_FromTheHeaderMenu_IsStoredOnTheAccount_AndSigningInOnAnotherDeviceGetsItsCookie()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var home = await member.Client.GetOkAsync("/t/rehab");

        var saved = await member.Client.SubmitAsync(home, "form[action='/account/theme']", new Dictionary<string, string?> { ["Theme"] = "Dark" });

        Assert.EndsWith("/t/rehab", saved.Url, StringComparison.Ordinal);
        Assert.Equal("dark", ThemeCookie(member.Client));
        Assert.Equal(ThemeChoice.Dark, await StoredThemeAsync(member.Email));
        var otherDevice = factory.CreateForumClient();
        (await Members.SignInAsync(otherDevice, member)).EnsureSuccess();
        Assert.Equal("dark", ThemeCookie(otherDevice));
    }

    [Fact]
    public async Task SaveTheme_BackToTheDevicesSetting_RemovesTheCookie_AndASignInWritesNone()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await member.Client.SubmitAsync(await member.Client.GetOkAsync("/"), "form[action='/account/theme']", new Dictionary<string, string?> { ["Theme"] = "Light" });
        Assert.Equal("light", ThemeCookie(member.Client));

        await member.Client.SubmitAsync(await member.Client.GetOkAsync("/"), "form[action='/account/theme']", new Dictionary<string, string?> { ["Theme"] = "System" });

        Assert.Null(ThemeCookie(member.Client));
        Assert.Equal(ThemeChoice.System, await StoredThemeAsync(member.Email));
        var visitorWhoChoseDark = factory.CreateForumClient();
        visitorWhoChoseDark.Cookies.Add(visitorWhoChoseDark.Http.BaseAddress!, new Cookie(CookieName, "dark"));
        (await Members.SignInAsync(visitorWhoChoseDark, member)).EnsureSuccess();
        Assert.Null(ThemeCookie(visitorWhoChoseDark));
    }

    [Fact]
    public async Task SaveTheme_WithAnUnknownTheme_IsRefusedAndChangesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var refused = await member.Client.SubmitAsync(await member.Client.GetOkAsync("/"), "form[action='/account/theme']", new Dictionary<string, string?> { ["Theme"] = "Neon" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(ThemeChoice.System, await StoredThemeAsync(member.Email));
    }

    [Fact]
    public async Task VisitorsThemeCookie_DoesNotChangeTheCachedPage_AnotherVisitorGets()
    {
        var darkVisitor = factory.CreateForumClient();
        darkVisitor.Cookies.Add(darkVisitor.Http.BaseAddress!, new Cookie(CookieName, "dark"));
        var plainVisitor = factory.CreateForumClient();

        var seenInDark = await darkVisitor.GetOkAsync("/t/rehab");
        var seenPlain = await plainVisitor.GetOkAsync("/t/rehab");
        var seenInDarkAgain = await darkVisitor.GetOkAsync("/t/rehab");

        Assert.NotNull(seenPlain.Response.Headers.Age);
        Assert.NotNull(seenInDarkAgain.Response.Headers.Age);
        Assert.Equal(seenInDark.Text, seenPlain.Text);
        Assert.Equal(seenInDark.Text, seenInDarkAgain.Text);
        var html = seenPlain.Document.DocumentElement;
        Assert.False(html.HasAttribute("class"), "The server set a theme class; only the script may.");
        var menu = seenPlain.Document.QuerySelector("[data-theme-menu]")!;
        Assert.Empty(menu.QuerySelectorAll("[aria-pressed]"));
        Assert.Empty(menu.QuerySelectorAll("form"));
    }

    private static string? ThemeCookie(ForumClient client) =>
        client.Cookies.GetCookies(client.Http.BaseAddress!).FirstOrDefault(c => c.Name == CookieName && !c.Expired)?.Value;

    private Task<ThemeChoice> StoredThemeAsync(string email) =>
        ModerationState.QueryAsync(factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Theme).SingleAsync());
}
