using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Safety;

/// <summary>
/// The composer's personal-information check in a real browser: a phone number is marked as it is typed, and the
/// "Post anyway" confirmation that comes with the warning is reached and used with the keyboard alone.
/// </summary>
[Collection(SecondBrowser.Name)]
public sealed class SafetyComposerBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PhoneNumber_TypedInTheComposer_IsMarked_AndPostAnywayWorksByKeyboard_Accessibly()
    {
        await using var member = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        var title = $"Comparing notes {Guid.NewGuid():N}"[..36];
        await page.GotoAsync("/t/rehab/new");

        await TabUntilFocusedAsync(page, "#Title");
        await page.Keyboard.TypeAsync(title);
        await TabUntilFocusedAsync(page, "#Body");
        await page.Keyboard.TypeAsync("Happy to talk it through, ring me on 07700 900123 any evening.");

        var warnings = page.Locator("[data-safety-warnings]");
        await Expect(warnings.Locator("mark")).ToHaveTextAsync("07700 900123");
        await Expect(warnings.Locator(".safety-message")).ToHaveTextAsync("This looks like a phone number. Stories are public: remove it, or post anyway.");
        await AssertAccessibleAsync(page, "composer with a personal-information warning");

        await TabUntilFocusedAsync(page, "input[name=PostAnyway]");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("input[name=PostAnyway]")).ToBeCheckedAsync();
        await TabUntilFocusedAsync(page, "form.composer button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("article.post-opening .post-body")).ToContainTextAsync("07700 900123");
        member.AssertNoProblems();
    }

    [Fact]
    public async Task PhoneNumber_InTheComposer_IsMarkedInTheMarkdownPreview_Accessibly()
    {
        await using var member = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        await page.GotoAsync("/t/rehab/new");

        await page.Locator("#Body").FillAsync("Happy to talk it through, **ring me** on 07700 900123 any evening.");
        await Expect(page.Locator("[data-safety-warnings] mark")).ToHaveTextAsync("07700 900123");
        await page.Locator("[data-preview-button]").ClickAsync();

        var preview = page.Locator("[data-preview]");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("ring me");
        await Expect(preview.Locator("mark")).ToHaveTextAsync("07700 900123");
        await AssertAccessibleAsync(page, "composer preview with the personal information marked");

        await page.Locator("#Body").FillAsync("Happy to talk it through here in the thread instead.");
        await Expect(page.Locator("[data-safety-warnings]")).ToBeHiddenAsync();
        await Expect(preview.Locator("mark")).ToHaveCountAsync(0);
        member.AssertNoProblems();
    }
}
