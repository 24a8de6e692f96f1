using Microsoft.Playwright;

namespace PatientForum.BrowserTests.Infrastructure;

/// <summary>
/// Registers and confirms members through the real pages, the way a person does. Addresses and the password are
/// planted secrets (<see cref="Canaries"/>) that the forum's logs must never hold.
/// </summary>
public static class BrowserMembers
{
    public static readonly string Password = Canaries.Password();

    /// <summary>Registers, confirms and signs in a member in this page's session; returns the email address.</summary>
    public static async Task<string> RegisterConfirmedAsync(WatchedPage watched, ForumServer server)
    {
        var page = watched.Page;
        var email = Canaries.Email();
        var name = $"Member k{Guid.NewGuid().ToString("N")[..7]}"; // never "Member 12345678", an alias's name
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

        // Nobody is signed in before confirming; now the member signs in.
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
        return email;
    }

    /// <summary>
    /// Signs out and in again, so the cookie carries roles granted meanwhile; with <paramref name="authenticatorKey"/>,
    /// through the code step too, with a code computed from the key as an authenticator app would.
    /// </summary>
    public static async Task SignInAgainAsync(IPage page, string email, string? authenticatorKey = null)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        if (authenticatorKey is not null)
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your sign-in code");
            await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        }
        await Assertions.Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>Turns on two-factor sign-in through its page, as staff must; returns the key the "app" holds.</summary>
    public static async Task<string> TurnOnTwoFactorAsync(IPage page)
    {
        await page.GotoAsync("/account/two-factor");
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Trim();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your recovery codes");
        return key;
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
