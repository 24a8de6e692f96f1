using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.SiteSettings;

/// <summary>
/// The admins' settings and topics pages pass axe-core, with their errors too, and save by keyboard alone. They change
/// only descriptions (the forum's, put back; one topic's), which no other test on this shared forum reads.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class SiteSettingsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SettingsPage_HasNoAxeViolations_AndSavesAndResetsTheDescriptionByKeyboard()
    {
        await using var admin = await fixture.NewPageAsync();
        var email = await BrowserMembers.RegisterConfirmedAsync(admin, fixture.Server);
        Assert.Equal(0, await fixture.Server.RunCommandAsync("users", "add-role", "admin", email));
        var page = admin.Page;
        await BrowserMembers.SignInAgainAsync(page, email);
        var key = await BrowserMembers.TurnOnTwoFactorAsync(page);
        await BrowserMembers.SignInAgainAsync(page, email, key);

        await page.GotoAsync("/admin/settings");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Settings");
        await AssertAccessibleAsync(page, "admin settings");

        await TabUntilFocusedAsync(page, "#Forum_Description");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Stories of treatment, told by patients.");
        await TabUntilFocusedAsync(page, "form.settings-form > button[type=submit]", most: 60);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("Settings saved. They apply on every instance at once.");
        await Expect(page.Locator("#Forum_Description")).ToHaveValueAsync("Stories of treatment, told by patients.");
        await AssertAccessibleAsync(page, "admin settings, saved");

        await page.Locator("#Forum_Name").FillAsync("");
        await page.Locator("#Forum_Name").PressAsync("Enter");
        await Expect(page.Locator(".form-errors li")).ToHaveTextAsync("Forum name must not be empty.");
        await AssertAccessibleAsync(page, "admin settings with an error");

        await page.GotoAsync("/admin/settings");
        await TabUntilFocusedAsync(page, "button[value='Forum:Description']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("p.notice")).ToBeVisibleAsync();
        await Expect(page.Locator("button[value='Forum:Description']")).ToHaveCountAsync(0);
        admin.AssertNoProblems();
    }

    [Fact]
    public async Task TopicsPage_HasNoAxeViolations_AndSavesADescriptionByKeyboard()
    {
        await using var admin = await fixture.NewPageAsync();
        var email = await BrowserMembers.RegisterConfirmedAsync(admin, fixture.Server);
        Assert.Equal(0, await fixture.Server.RunCommandAsync("users", "add-role", "admin", email));
        var page = admin.Page;
        await BrowserMembers.SignInAgainAsync(page, email);
        var key = await BrowserMembers.TurnOnTwoFactorAsync(page);
        await BrowserMembers.SignInAgainAsync(page, email, key);

        await page.GotoAsync("/admin/topics");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Topics");
        await AssertAccessibleAsync(page, "admin topics");

        await TabUntilFocusedAsync(page, "#topic-surgical-referral-description", most: 80);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Being referred to a surgeon, and what came after.");
        await TabUntilFocusedAsync(page, "form[action='/admin/topics/surgical-referral'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("Topic saved.");
        await Expect(page.Locator("#topic-surgical-referral-description")).ToHaveValueAsync("Being referred to a surgeon, and what came after.");

        await page.Locator("#topic-surgical-referral-name").FillAsync("x");
        await page.Locator("#topic-surgical-referral-name").PressAsync("Enter");
        await Expect(page.Locator("#topic-surgical-referral .field-error")).ToHaveTextAsync("A topic's name has 2 to 80 characters.");
        await AssertAccessibleAsync(page, "admin topics with an error");
        admin.AssertNoProblems();
    }
}
