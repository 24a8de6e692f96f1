using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Theme;

/// <summary>
/// Dark mode as a reader meets it: chosen from the header's menu with the keyboard, kept across a reload, never
/// carried to another visitor by the shared page cache, as accessible as the light theme on the main pages, and
/// printed light, without the header, whatever the screen shows.
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
    public async Task MainPages_OnADeviceSetToDark_AreDarkWithNoAxeViolations_AndAThreadPrintsLightWithoutTheHeader()
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
        using var author = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        var thread = await author.StartThreadAsync("rehab", $"Exercises after a knee brace {Guid.NewGuid():N}",
            "My physio's sheet matched [the NHS exercises](https://www.nhs.uk/conditions/knee-pain/) almost exactly.");
        await page.GotoAsync(thread);
        await reader.WaitForLiveAsync();
        Assert.Equal(DarkPage, await PageBackgroundAsync(page));
        await AssertAccessibleAsync(page, "thread page in dark");

        // Printed, the same thread is the posts alone, light on paper, with each link's address written out.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal(LightPage, await PageBackgroundAsync(page));
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
        await Expect(page.Locator("article.post").First).ToBeVisibleAsync();
        var link = page.Locator(".post-body a[href]").First;
        var shown = await link.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
        Assert.Contains(await link.GetAttributeAsync("href") ?? "", shown, StringComparison.Ordinal);
        reader.AssertNoProblems();
    }

    private static Task<string> PageBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
