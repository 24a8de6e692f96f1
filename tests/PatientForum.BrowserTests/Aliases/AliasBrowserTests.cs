using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Aliases;

/// <summary>Choosing "Post under my alias" in the composer with the keyboard alone, and the thread it makes.</summary>
[Collection(SecondBrowser.Name)]
public sealed class AliasBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AliasChosenByKeyboard_ThreadShowsTheAliasAndItsAvatar_PagesAccessible()
    {
        await using var member = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        var email = await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        var title = $"Under my alias {Guid.NewGuid():N}"[..40];
        await page.GotoAsync("/t/biologics/new");
        await Expect(page.Locator("form.composer")).ToContainTextAsync("A new alias will be created");
        await AssertAccessibleAsync(page, "composer with the alias choice");

        await TabUntilFocusedAsync(page, "#Title");
        await page.Keyboard.TypeAsync(title);
        await TabUntilFocusedAsync(page, "#Body");
        await page.Keyboard.TypeAsync("What the PRP injection was really like.");
        await TabUntilFocusedAsync(page, "input[name=UnderAlias]");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByLabel("Post under my alias in this topic")).ToBeCheckedAsync();
        await TabUntilFocusedAsync(page, "form.composer button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var byline = page.Locator("article.post-opening .post-byline");
        await Expect(byline.Locator(".post-author")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Member [0-9]{4,}$"));
        await Expect(byline.Locator(".avatar")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync(email);
        await AssertAccessibleAsync(page, "thread started under an alias");
        member.AssertNoProblems();
    }
}
