using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Drafts;

/// <summary>
/// Drafts in real browsers: what a member types in one browser is saved as they type and is in the composer of a
/// second browser signed in as them, after a reload; the restored composer passes axe-core; discarding empties both.
/// </summary>
[Collection(SecondBrowser.Name)]
public sealed class DraftBrowserTests(BrowserFixture fixture)
{
    private const string Composer = "/t/rehab/new";

    [Fact]
    public async Task Typing_InOneBrowser_IsRestoredInAnotherAfterReload_AndTheRestoredComposerIsAccessible()
    {
        await using var first = await fixture.NewPageAsync();
        var email = await BrowserMembers.RegisterConfirmedAsync(first, fixture.Server);
        await using var second = await fixture.NewPageAsync();
        await SignInAsync(second.Page, email);
        await second.Page.GotoAsync(Composer);
        await Expect(second.Page.GetByLabel("Your post")).ToHaveValueAsync("");
        var page = first.Page;
        await page.GotoAsync(Composer);
        var marker = Guid.NewGuid().ToString("N");
        var body = Canaries.PlantText("draft body", $"Typing my story slowly, one line at a time {marker}");

        // The save the composer sends once typing stops, waited for as a request rather than a length of time.
        var saved = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/drafts/topic/rehab", StringComparison.Ordinal)
            && (r.Request.PostData ?? "").Contains(marker, StringComparison.Ordinal));
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Half a title");
        await page.GetByLabel("Your post").PressSequentiallyAsync(body);
        Assert.True((await saved).Ok);
        await Expect(page.Locator("[data-draft-status]")).ToContainTextAsync("Draft saved at");

        await second.Page.ReloadAsync();
        await Expect(second.Page.GetByLabel("Your post")).ToHaveValueAsync(body);
        await Expect(second.Page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Half a title");
        await Expect(second.Page.Locator("[data-draft-note]")).ToContainTextAsync("Draft restored — saved at");
        await AssertAccessibleAsync(second.Page, "new-thread composer with a restored draft");

        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
        await Expect(second.Page.Locator("[data-draft-status]")).ToHaveTextAsync("Draft discarded.");
        await Expect(second.Page.GetByLabel("Your post")).ToHaveValueAsync("");
        await Expect(second.Page.Locator("[data-draft-note]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Your post")).ToHaveValueAsync("");
        first.AssertNoProblems();
        second.AssertNoProblems();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserMembers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
    }
}
