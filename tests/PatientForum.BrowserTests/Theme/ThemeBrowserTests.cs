using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Theme;

/// <summary>
/// Dark mode as a reader meets it: chosen from the header's menu with the keyboard, kept across a reload, never
/// carried to another visitor by the shared page cache, and as accessible as the light theme on the main pages.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ThemeBrowserTests(BrowserFixture fixture)
{
    /// <summary>The page backgrounds of tokens.css (--bg), as the browser computes them.</summary>
    private const string LightPage = "rgb(251, 250, 247)";
    private const string DarkPage = "rgb(20, 23, 28)";

    [Fact]
    public async Task ThemeMenu_UsedWithTheKeyboard_SwitchesToDark_SurvivesAReload_AndAnotherVisitorStillGetsLight()
    {
        await using var visitor = await fixture.NewPageAsync();
        var page = visitor.Page;
        await page.GotoAsync("/t/rehab");
        Assert.Equal(LightPage, await PageBackgroundAsync(page));

        await TabUntilFocusedAsync(page, "[data-theme-menu] > summary");
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await TabUntilFocusedAsync(page, "[data-theme='dark']", most: 5);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("html")).ToHaveClassAsync("theme-dark");
        await Expect(page.Locator("[data-theme='dark']")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(DarkPage, await PageBackgroundAsync(page));
        await AssertNoAxeViolationsAsync(page, "topic page, dark chosen in the menu");
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync("theme-dark");
        Assert.Equal(DarkPage, await PageBackgroundAsync(page));

        await using var other = await fixture.NewPageAsync();
        await other.Page.GotoAsync("/t/rehab");
        Assert.Equal(LightPage, await PageBackgroundAsync(other.Page));
        await Expect(other.Page.Locator("html")).Not.ToHaveClassAsync("theme-dark");
        visitor.AssertNoProblems();
        other.AssertNoProblems();
    }

    [Fact]
    public async Task MainPages_OnADeviceSetToDark_AreDark_AndHaveNoAxeViolations()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseUrl,
            ColorScheme = ColorScheme.Dark,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await using var reader = new WatchedPage(await context.NewPageAsync());
        var page = reader.Page;

        foreach (var path in new[] { "/", "/t/injections", "/account/login" })
        {
            await page.GotoAsync(path);
            Assert.Equal(DarkPage, await PageBackgroundAsync(page));
            await AssertAccessibleAsync(page, $"{path} in dark");
        }
        await page.GotoAsync("/guide");
        await page.Locator(".guide-list a").First.ClickAsync();
        await reader.WaitForLiveAsync();
        Assert.Equal(DarkPage, await PageBackgroundAsync(page));
        await AssertAccessibleAsync(page, "thread page in dark");
        reader.AssertNoProblems();
    }

    private static Task<string> PageBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
