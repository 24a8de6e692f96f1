using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Reactions;

/// <summary>
/// Reaction buttons in a real browser, by keyboard: the presser's button turns pressed with the new count, without
/// leaving the page, and another member's open page shows the count rise over the live connection.
/// </summary>
[Collection(SecondBrowser.Name)]
public sealed class ReactionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task MemberReactsByKeyboard_ButtonTurnsPressed_AndAnotherMembersOpenPageShowsTheCountRise()
    {
        using var author = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        var thread = await author.StartThreadAsync("rehab", $"Hydrotherapy {Guid.NewGuid():N}", "Warm water made the exercises possible.");
        await using var reader = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(reader, fixture.Server);
        await reader.Page.GotoAsync(thread);
        await reader.WaitForLiveAsync();
        await using var presser = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(presser, fixture.Server);
        var page = presser.Page;
        await page.GotoAsync(thread);
        var postId = (await page.Locator("article.post").First.GetAttributeAsync("id"))!["post-".Length..];
        var helpful = $"#post-{postId} button.reaction[data-reaction='helpful']";
        await Expect(page.Locator(helpful)).ToHaveAttributeAsync("aria-pressed", "false");
        await AssertAccessibleAsync(page, "thread page with reaction buttons");

        await TabUntilFocusedAsync(page, helpful, most: 60);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(helpful)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(helpful)).ToHaveAccessibleNameAsync("Helpful, 1 person");
        await Expect(page.Locator(helpful)).ToBeFocusedAsync();
        Assert.EndsWith(thread, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var readersButton = reader.Page.Locator(helpful);
        await Expect(readersButton).ToHaveAccessibleNameAsync("Helpful, 1 person");
        await Expect(readersButton).ToHaveAttributeAsync("aria-pressed", "false");
        await AssertAccessibleAsync(page, "thread page after reacting");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(helpful)).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(readersButton).ToHaveAccessibleNameAsync("Helpful, 0 people");
        presser.AssertNoProblems();
        reader.AssertNoProblems();
    }
}
