using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.ContentWarnings;

/// <summary>A warned post reaches a visitor folded behind its warning, and opens from the keyboard alone.</summary>
[Collection(SecondBrowser.Name)]
public sealed class ContentWarningBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task WarnedPost_ForAVisitor_IsCollapsed_AndOpensWithEnterOnItsSummary_PageAccessible()
    {
        await using var author = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(author, fixture.Server);
        var title = $"Needle diary {Guid.NewGuid():N}"[..30];
        await author.Page.GotoAsync("/t/injections/new");
        await author.Page.GetByLabel("Title").FillAsync(title);
        await author.Page.GetByLabel("Your post").FillAsync("The needle went in just below the kneecap.");
        await author.Page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Content warnings (optional)" })
            .GetByLabel("needles", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await author.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start thread" }).ClickAsync();
        await Expect(author.Page.Locator("h1")).ToHaveTextAsync(title);
        var path = new Uri(author.Page.Url).AbsolutePath;

        await using var visitor = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        var page = visitor.Page;
        await page.GotoAsync(path);
        var warning = page.Locator("article.post-opening details.content-warning");
        var text = warning.Locator(".post-body");
        await Expect(warning).Not.ToHaveAttributeAsync("open", "");
        await Expect(text).ToBeHiddenAsync();
        await Expect(warning.Locator("summary")).ToContainTextAsync("Content warning: needles");
        await AssertNoAxeViolationsAsync(page, "thread with a folded warned post");

        await TabUntilFocusedAsync(page, "article.post-opening details.content-warning > summary");
        await page.Keyboard.PressAsync("Enter");

        await Expect(warning).ToHaveAttributeAsync("open", "");
        await Expect(text).ToBeVisibleAsync();
        await Expect(text).ToContainTextAsync("just below the kneecap");
        await AssertNoAxeViolationsAsync(page, "thread with the warned post opened");
        visitor.AssertNoProblems();
        author.AssertNoProblems();
    }
}
