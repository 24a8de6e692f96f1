using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Settings;

/// <summary>The account settings hub and its pages pass axe-core on a phone, errors included, and open by keyboard.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SettingsPagesTests(BrowserFixture fixture)
{
    private static readonly ViewportSize s_phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task SettingsHubAndItsPages_OnAPhone_HaveNoAxeViolations_AndTheHubOpensByKeyboard()
    {
        await using var member = await fixture.NewPageAsync(s_phone);
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;

        await TabUntilFocusedAsync(page, "header a[href='/account']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        await AssertAccessibleAsync(page, "settings hub");

        foreach (var (path, title) in new[] { ("/account/name", "Display name"), ("/account/email", "Email address"), ("/account/password", "Password"), ("/account/activity", "Security activity"), ("/account/export", "Export my data"), ("/account/delete", "Delete your account") })
        {
            await Expect(page.Locator($"main a[href='{path}']")).ToBeVisibleAsync();
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await AssertAccessibleAsync(page, path);
            await page.GotoAsync("/account");
        }

        await page.GotoAsync("/account/name");
        await page.GetByLabel("New display name").FillAsync("x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my display name" }).ClickAsync();
        await Expect(page.Locator("#NewName-error")).ToHaveTextAsync("A display name has 3 to 40 characters.");
        await AssertAccessibleAsync(page, "display name with an error");

        await page.GotoAsync("/account/email");
        await page.GetByLabel("New email address").FillAsync("elsewhere@example.org");
        await page.GetByLabel("Current password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.Locator("#CurrentPassword-error")).ToHaveTextAsync("That is not your current password.");
        await Expect(page.GetByLabel("New email address")).ToHaveValueAsync("elsewhere@example.org");
        await AssertAccessibleAsync(page, "email with an error");
        member.AssertNoProblems();
    }

    [Fact]
    public async Task ExportPage_ByKeyboardAlone_PreparesTheExport_AndItsZipDownloads()
    {
        await using var member = await fixture.NewPageAsync(s_phone);
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        await page.GotoAsync("/account/export");
        await AssertAccessibleAsync(page, "export page, nothing asked for yet");

        await TabUntilFocusedAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        var state = page.Locator("[data-export-state]");
        await Expect(state).ToHaveAttributeAsync("data-export-state", new System.Text.RegularExpressions.Regex("^(Queued|Ready)$"));
        await AssertAccessibleAsync(page, "export page, export asked for");

        // The page does not refresh itself: reload until the worker has made the file (the limit is only a safety net).
        for (var reloads = 0; await state.GetAttributeAsync("data-export-state") != "Ready" && reloads < 120; reloads++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }
        await Expect(state).ToHaveAttributeAsync("data-export-state", "Ready");
        await TabUntilFocusedAsync(page, "a[download]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        member.AssertNoProblems();
    }
}
