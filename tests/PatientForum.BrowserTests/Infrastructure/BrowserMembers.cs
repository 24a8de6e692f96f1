using Microsoft.Playwright;

namespace PatientForum.BrowserTests.Infrastructure;

/// <summary>Registers and confirms members through the real pages, the way a person does.</summary>
public static class BrowserMembers
{
    public const string Password = "correct horse battery staple";

    /// <summary>Registers and confirms a member in this page's session; returns the email address.</summary>
    public static async Task<string> RegisterConfirmedAsync(WatchedPage watched, ForumServer server)
    {
        var page = watched.Page;
        var email = $"member-{Guid.NewGuid():N}@example.org";
        var name = $"Member {Guid.NewGuid().ToString("N")[..8]}";
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");

        var mail = await server.Mail.WaitForAsync(email, "Confirm your email");
        await page.GotoAsync(MailPickup.LinkIn(mail, "/account/confirm"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Email confirmed");
        return email;
    }

    /// <summary>Signs out and in again, so the cookie carries roles granted meanwhile.</summary>
    public static async Task SignInAgainAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>Starts a thread through the compose page; returns the thread's path.</summary>
    public static async Task<string> StartThreadAsync(IPage page, string topicSlug, string title, string body)
    {
        await page.GotoAsync($"/t/{topicSlug}/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Your post").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        return new Uri(page.Url).AbsolutePath;
    }

    public static async Task ReplyAsync(IPage page, string body)
    {
        await page.GetByLabel("Your post").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Post reply" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
