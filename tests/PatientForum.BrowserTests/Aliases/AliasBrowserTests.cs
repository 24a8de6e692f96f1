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

    [Fact]
    public async Task ModeratorLiftsAnAliasAuthorsSuspension_ByKeyboard_AndSeesWhyTheThreadCannotMove_PagesAccessible()
    {
        await using var member = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var title = $"Aliased, then suspended {Guid.NewGuid():N}"[..44];
        await member.Page.GotoAsync("/t/rehab/new");
        await member.Page.GetByLabel("Title").FillAsync(title);
        await member.Page.GetByLabel("Your post").FillAsync("Words under my alias.");
        await member.Page.GetByLabel("Post under my alias in this topic").CheckAsync();
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Expect(member.Page.Locator("h1")).ToHaveTextAsync(title);
        var postId = (await member.Page.Locator("article.post").First.GetAttributeAsync("id"))!["post-".Length..];
        var threadPath = new Uri(member.Page.Url).AbsolutePath;

        await using var admin = await fixture.NewPageAsync();
        var email = await BrowserMembers.RegisterConfirmedAsync(admin, fixture.Server);
        Assert.Equal(0, await fixture.Server.RunCommandAsync("users", "add-role", "admin", email));
        await BrowserMembers.SignInAgainAsync(admin.Page, email);
        await admin.Page.GotoAsync("/moderation");
        await BrowserMembers.SignInAgainAsync(admin.Page, email, await BrowserMembers.TurnOnTwoFactorAsync(admin.Page));
        await admin.Page.GotoAsync($"/moderation/posts/{postId}");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = $"Suspend the author of post {postId}" }).ClickAsync();

        await Expect(admin.Page.Locator("[data-author-suspended]")).ToContainTextAsync("suspended until the suspension is lifted");
        await AssertAccessibleAsync(admin.Page, "an aliased post whose author is suspended");
        await TabUntilFocusedAsync(admin.Page, $"#unsuspend-author-reason-{postId}");
        await admin.Page.Keyboard.TypeAsync("Talked it through");
        await admin.Page.Keyboard.PressAsync("Enter");
        await Expect(admin.Page.Locator("[data-author-suspended]")).ToHaveCountAsync(0);

        await admin.Page.GotoAsync(threadPath);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Moderate this thread" }).ClickAsync();
        await Expect(admin.Page.Locator("[data-move-refused]")).ToContainTextAsync("an alias belongs to one topic");
        await AssertAccessibleAsync(admin.Page, "thread moderation of a thread with aliased posts");
        member.AssertNoProblems();
        admin.AssertNoProblems();
    }
}
