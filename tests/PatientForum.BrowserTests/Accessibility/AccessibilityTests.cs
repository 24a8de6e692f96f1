using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Accessibility;

/// <summary>Every page type passes axe-core with no violations, on a desktop and on a phone-sized screen.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly ViewportSize s_phone = new() { Width = 360, Height = 740 };

    public static TheoryData<string> PublicPages =>
    [
        "/", "/t/injections", "/guide", "/account/login", "/account/register", "/account/forgot-password",
        "/account/resend-confirmation", "/contact", "/search", "/search?q=trigger+point", "/search?q=zzzz", "/no-such-page",
        "/u/The%20guide%E2%80%99s%20author", "/?topic=rehab",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_OnDesktopAndPhone_HasNoAxeViolationsAndNoSidewaysScroll(string path)
    {
        foreach (var viewport in new[] { (ViewportSize?)null, s_phone })
        {
            await using var watched = await fixture.NewPageAsync(viewport);
            await watched.Page.GotoAsync(path);
            await AssertAccessibleAsync(watched.Page, path);
            watched.AssertNoProblems();
        }
    }

    [Fact]
    public async Task ThreadPage_ForReaderAndMember_HasNoAxeViolations()
    {
        await using var member = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        await member.Page.GotoAsync("/guide");
        await member.Page.Locator(".guide-list a").First.ClickAsync();
        await member.WaitForLiveAsync();
        await AssertAccessibleAsync(member.Page, "thread page, signed in");

        await using var reader = await fixture.NewPageAsync(s_phone);
        await reader.Page.GotoAsync(new Uri(member.Page.Url).AbsolutePath);
        await reader.WaitForLiveAsync();
        await AssertAccessibleAsync(reader.Page, "thread page, anonymous, phone");
        member.AssertNoProblems();
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task ComposeEditAndHistoryPages_IncludingValidationErrors_HaveNoAxeViolations()
    {
        await using var member = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;

        await page.GotoAsync("/t/rehab/new");
        await AssertAccessibleAsync(page, "new thread form");

        // The browser's own required-field check would stop an empty submit, so make the title too short instead.
        await page.GetByLabel("Title").FillAsync("Hi");
        await page.GetByLabel("Your post").FillAsync("Short title on purpose.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Expect(page.Locator("#Title-error")).ToContainTextAsync("too short");
        await AssertAccessibleAsync(page, "new thread form with errors");

        var thread = await BrowserMembers.StartThreadAsync(page, "rehab", $"Knee brace questions {Guid.NewGuid():N}", "Which brace did you get?");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit your post" }).ClickAsync();
        await AssertAccessibleAsync(page, "edit form");
        await page.GetByLabel("Your post").FillAsync("Which knee brace did your physio suggest?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.Locator(".post-edited").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Edit history");
        await AssertAccessibleAsync(page, $"history of {thread}");
        member.AssertNoProblems();
    }

    [Fact]
    public async Task ModerationPages_ForAnAdmin_HaveNoAxeViolations()
    {
        await using var admin = await fixture.NewPageAsync();
        var email = await BrowserMembers.RegisterConfirmedAsync(admin, fixture.Server);
        Assert.Equal(0, await fixture.Server.RunCommandAsync("users", "add-role", "admin", email));
        await BrowserMembers.SignInAgainAsync(admin.Page, email);
        await admin.Page.GotoAsync("/moderation");
        await Expect(admin.Page.Locator(".notice")).ToContainTextAsync("must turn on two-factor sign-in");
        await AssertAccessibleAsync(admin.Page, "two-factor set-up, required of staff");
        await BrowserMembers.SignInAgainAsync(admin.Page, email, await BrowserMembers.TurnOnTwoFactorAsync(admin.Page));

        using var author = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        var thread = await author.StartThreadAsync("rehab", $"Flag me {Guid.NewGuid():N}", "An opening post to review.");
        using var flagger = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        await admin.Page.GotoAsync(thread);
        var postId = (await admin.Page.Locator("article.post").First.GetAttributeAsync("id"))!["post-".Length..];
        await flagger.SubmitAsync($"/posts/{postId}/flag", $"/posts/{postId}/flag", new() { ["Reason"] = "SelfHarm", ["Note"] = "Worried" });
        await admin.Page.GotoAsync($"/posts/{postId}/flag");
        await AssertAccessibleAsync(admin.Page, "flag form");

        // A story under "Other treatment", so the mapping page shows its form.
        await author.SubmitAsync("/t/rehab/new", "/t/rehab/new", new()
        {
            ["Title"] = $"Cupping {Guid.NewGuid():N}", ["Body"] = "How it went.", ["Treatment.Treatment"] = "other", ["Treatment.OtherTreatment"] = "Cupping",
            ["Treatment.BodyArea"] = "LowerBack", ["Treatment.Month"] = "3", ["Treatment.Year"] = "2025", ["Treatment.PainBefore"] = "6",
            ["Treatment.PainAfter"] = "4", ["Treatment.WouldRepeat"] = "Unsure",
        });
        foreach (var path in new[] { "/moderation", $"/moderation/posts/{postId}", $"/moderation/posts/{postId}/edit", "/moderation/log", "/moderation/contact", "/moderation/treatments", "/admin/moderators", "/styleguide" })
        {
            await admin.Page.GotoAsync(path);
            await AssertAccessibleAsync(admin.Page, path);
        }
        await admin.Page.GotoAsync("/moderation/treatments");
        await Expect(admin.Page.GetByLabel("Count these stories under").First).ToBeVisibleAsync();
        await admin.Page.GotoAsync(thread);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Moderate this thread" }).ClickAsync();
        await AssertAccessibleAsync(admin.Page, "thread moderation");
        await admin.Page.GotoAsync($"/moderation/posts/{postId}");
        await admin.Page.Locator("a[href^='/moderation/users/']").First.ClickAsync();
        await AssertAccessibleAsync(admin.Page, "user moderation");
        admin.AssertNoProblems();
    }

    [Fact]
    public async Task ProfilePages_HaveNoAxeViolations_AndAboutMeIsEditedWithTheKeyboardAlone()
    {
        await using var member = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        await BrowserMembers.StartThreadAsync(page, "rehab", $"Walking poles {Guid.NewGuid():N}", "Do poles help on hills?");
        await page.Locator(".signed-in-as a").ClickAsync();
        var profile = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator(".profile-stats dd").First).ToHaveTextAsync("1");
        await AssertAccessibleAsync(page, "own profile");

        await TabUntilFocusedAsync(page, "main a[href='/account/profile']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your profile");
        await AssertAccessibleAsync(page, "profile settings");
        await TabUntilFocusedAsync(page, "#About");
        var about = $"Knee replacement in 2024, walking daily {Guid.NewGuid():N}";
        await page.Keyboard.TypeAsync(about);
        await TabUntilFocusedAsync(page, "input[name=AboutVisibility]");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("input[name=AboutVisibility][value=Public]")).ToBeCheckedAsync();
        await TabUntilFocusedAsync(page, "form.settings-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("Your profile is saved.");

        await page.GetByLabel("About me").FillAsync(string.Concat(Enumerable.Repeat("Too long. ", 210)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("#About-error")).ToContainTextAsync("too long");
        await AssertAccessibleAsync(page, "profile settings with an error");

        await using var reader = await fixture.NewPageAsync(s_phone);
        await reader.Page.GotoAsync(profile);
        await Expect(reader.Page.Locator(".profile-section .post-body")).ToHaveTextAsync(about);
        await AssertAccessibleAsync(reader.Page, "profile, anonymous, phone");
        member.AssertNoProblems();
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task TwoFactorPages_OnAPhone_HaveNoAxeViolations_AndSignInTakesTheCode()
    {
        await using var member = await fixture.NewPageAsync(s_phone);
        var page = member.Page;
        var email = await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        await page.GotoAsync("/account/two-factor");
        await page.Locator("main details summary").ClickAsync();
        await AssertAccessibleAsync(page, "two-factor set-up");

        await page.GetByLabel("Code from your authenticator app").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Expect(page.Locator("#Code-error")).ToContainTextAsync("not right");
        await AssertAccessibleAsync(page, "two-factor set-up with a wrong code");

        var key = await BrowserMembers.TurnOnTwoFactorAsync(page);
        await AssertAccessibleAsync(page, "recovery codes");
        await page.GotoAsync("/account/two-factor");
        await AssertAccessibleAsync(page, "two-factor settings, on");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserMembers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Enter your sign-in code");
        await AssertAccessibleAsync(page, "sign-in code step");
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await AssertAccessibleAsync(page, "sign-in with a recovery code");
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a code from your app instead" }).ClickAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
        member.AssertNoProblems();
    }

    [Fact]
    public async Task SkipLink_IsFirstTabStop_AndMovesFocusToMainContent()
    {
        await using var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#main")).ToBeFocusedAsync();
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task StartThread_UsingOnlyTheKeyboard_Works()
    {
        await using var watched = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(watched, fixture.Server);
        var page = watched.Page;
        await page.GotoAsync("/t/surgical-referral");

        await TabUntilFocusedAsync(page, "a.button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Start a thread in Surgical referral");
        await TabUntilFocusedAsync(page, "#Title");
        var title = $"Choosing a surgeon {Guid.NewGuid():N}";
        await page.Keyboard.TypeAsync(title);
        await TabUntilFocusedAsync(page, "#Body");
        await page.Keyboard.TypeAsync("I asked each surgeon how many of these operations they do a year.");
        await TabUntilFocusedAsync(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        watched.AssertNoProblems();
    }
}
