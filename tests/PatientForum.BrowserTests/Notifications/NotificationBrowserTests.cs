using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Notifications;

/// <summary>The member's loop in a real browser: the bell counts up live, and the keyboard alone reaches the reply.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NotificationBrowserTests(BrowserFixture fixture)
{
    private static readonly ViewportSize s_phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task Bell_RisesLiveWhenAnotherMemberReplies_AndTheKeyboardAloneLeadsToTheFirstNewReply()
    {
        await using var starter = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(starter, fixture.Server);
        var title = $"Hydrotherapy pool times {Guid.NewGuid():N}";
        var thread = await BrowserMembers.StartThreadAsync(starter.Page, "rehab", title, "Which pools run sessions for joint pain?");
        var page = starter.Page;
        await page.GotoAsync("/");
        await starter.WaitForLiveAsync();
        await Expect(page.Locator("[data-notification-count]")).ToBeHiddenAsync();

        using var replier = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        var threadId = int.Parse(thread.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        await (await replier.PrepareReplyAsync(thread, threadId, "The leisure centre on Tuesdays, warm water."))();
        await (await replier.PrepareReplyAsync(thread, threadId, "Also the hospital pool, by referral."))();

        // No reload: the count arrives over the page's live connection.
        await Expect(page.Locator("[data-notification-count]")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-notification-bell]")).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await AssertAccessibleAsync(page, "home page with an unread notification");

        await TabUntilFocusedAsync(page, "[data-notification-bell]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await Expect(page.Locator(".notification-list li.unread a.notification-open")).ToHaveTextAsync($"2 new replies in “{title}”");
        await AssertAccessibleAsync(page, "notifications page");

        await TabUntilFocusedAsync(page, ".notification-list li.unread a.notification-open");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var firstReply = await page.Locator("article.post").Nth(1).GetAttributeAsync("id");
        Assert.EndsWith("#" + firstReply, page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-notification-count]")).ToBeHiddenAsync();
        await Expect(page.Locator(".watch-control input[value=Watching]")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page, "thread page with its watch control");
        starter.AssertNoProblems();
    }

    [Fact]
    public async Task NotificationPagesAndSettings_OnAPhone_HaveNoAxeViolationsAndNoSidewaysScroll()
    {
        await using var member = await fixture.NewPageAsync(s_phone);
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;

        foreach (var path in new[] { "/notifications", "/account/notifications", "/t/biologics" })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page, path + " on a phone");
        }

        await page.GotoAsync("/account/notifications");
        await page.GetByLabel("A weekly summary").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Your settings are saved.");
        await Expect(page.GetByLabel("A weekly summary")).ToBeCheckedAsync();
        member.AssertNoProblems();
    }
}
