using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Home;

/// <summary>
/// The home page's welcome for first-time visitors: put away with the keyboard, it stays away on this device, and
/// the shared page cache still shows it to every other visitor.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class WelcomeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Welcome_PutAwayWithTheKeyboard_StaysAwayAfterAReload_AndAnotherVisitorStillSeesIt()
    {
        await using var visitor = await fixture.NewPageAsync();
        var page = visitor.Page;
        await page.GotoAsync("/");
        var welcome = page.Locator("aside.welcome");
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Welcome" })).ToBeVisibleAsync();

        await TabUntilFocusedAsync(page, "[data-welcome-dismiss]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(welcome).ToBeHiddenAsync();
        Assert.Equal("latest-heading", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await AssertAccessibleAsync(page, "home page, welcome put away");
        await page.ReloadAsync();
        // Hidden by the class the head's script sets before the first paint, not by a script that runs afterwards.
        await Expect(page.Locator("html")).ToHaveClassAsync(WelcomeHidden());
        await Expect(welcome).ToBeAttachedAsync();
        await Expect(welcome).ToBeHiddenAsync();

        await using var other = await fixture.NewPageAsync();
        await other.Page.GotoAsync("/");
        await Expect(other.Page.GetByRole(AriaRole.Complementary, new() { Name = "Welcome" })).ToBeVisibleAsync();
        await Expect(other.Page.GetByRole(AriaRole.Button, new() { Name = "Hide this welcome" })).ToBeVisibleAsync();
        visitor.AssertNoProblems();
        other.AssertNoProblems();
    }

    [GeneratedRegex(@"\bwelcome-hidden\b")]
    private static partial Regex WelcomeHidden();
}
