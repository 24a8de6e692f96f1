using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.AccountDeletion;

/// <summary>Deleting an account and a post with the keyboard alone, and /account/delete passing axe-core, on a phone too.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccountDeletionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DeleteAccount_ByKeyboardAlone_WrongPasswordThenRight_AccountDeletedAndPagesAccessible()
    {
        await using var member = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        await page.GotoAsync("/account/delete");
        await AssertAccessibleAsync(page, "delete account form");

        await TabUntilFocusedAsync(page, "input[name=Mode][value=anonymize]");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("input[name=Mode][value=erase]")).ToBeCheckedAsync();
        await TabUntilFocusedAsync(page, "#Password");
        await page.Keyboard.TypeAsync("not the right password");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#Password-error")).ToHaveTextAsync("That password is not right.");
        await Expect(page.Locator("input[name=Mode][value=erase]")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page, "delete account form with errors");

        await TabUntilFocusedAsync(page, "#Password");
        await page.Keyboard.TypeAsync(BrowserMembers.Password);
        await TabUntilFocusedAsync(page, "button.danger-button");
        await page.Keyboard.PressAsync("Space");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account is deleted");
        await AssertAccessibleAsync(page, "account deleted page");
        await Expect(page.Locator(".signed-in-as")).ToHaveCountAsync(0);
        member.AssertNoProblems();
    }

    [Fact]
    public async Task DeletePost_ByKeyboard_ThenUndo_PostBack()
    {
        await using var member = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        await BrowserMembers.StartThreadAsync(page, "rehab", $"A thread to take back {Guid.NewGuid():N}", "Words I may take back.");

        await TabUntilFocusedAsync(page, "article.post-opening form[action$='/delete'] button", most: 60);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("article.post-opening .post-notice")).ToContainTextAsync("This post was deleted by its author.");
        await AssertAccessibleAsync(page, "thread with a post its author deleted");

        await TabUntilFocusedAsync(page, "article.post-opening form[action$='/undelete'] button", most: 60);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("article.post-opening .post-body")).ToContainTextAsync("Words I may take back.");
        await Expect(page.Locator("article.post-opening .post-notice")).ToHaveCountAsync(0);
        member.AssertNoProblems();
    }
}
