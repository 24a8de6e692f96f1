using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.MembersOnly;

/// <summary>Choosing "Members only" in the composer with the keyboard alone, and what a visitor then finds at the thread's address.</summary>
[Collection(SecondBrowser.Name)]
public sealed class MembersOnlyBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task MembersOnlyThread_ChosenByKeyboard_ShowsAVisitorTheMembersPage_BothPagesAccessible()
    {
        await using var member = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        var title = $"Only for those who know {Guid.NewGuid():N}"[..40];
        await page.GotoAsync("/t/rehab/new");
        await AssertAccessibleAsync(page, "composer with the audience choice");

        await TabUntilFocusedAsync(page, "#Title");
        await page.Keyboard.TypeAsync(title);
        await TabUntilFocusedAsync(page, "#Body");
        await page.Keyboard.TypeAsync("The flare after my third session, in detail.");
        await TabUntilFocusedAsync(page, "input[name=Audience][value=Public]");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("input[name=Audience][value=Members]")).ToBeCheckedAsync();
        await TabUntilFocusedAsync(page, "form.composer button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("main")).ToContainTextAsync("Only signed-in members can read this thread");
        await AssertAccessibleAsync(page, "members-only thread with its audience form");
        var path = new Uri(page.Url).AbsolutePath;
        member.AssertNoProblems();

        await using var visitor = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        var answer = await visitor.Page.GotoAsync(path);
        Assert.Equal(401, answer!.Status);
        await Expect(visitor.Page.Locator("h1")).ToHaveTextAsync("This thread is for members");
        await Expect(visitor.Page.Locator("body")).Not.ToContainTextAsync(title);
        await AssertAccessibleAsync(visitor.Page, "the members page a visitor gets");
        await visitor.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Sign in to read it" }).ClickAsync();
        await Expect(visitor.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?returnUrl="));
        visitor.AssertNoProblems();
    }
}
