using System.Net;

namespace PatientForum.TestSupport;

/// <summary>Members made and signed in through the real forms, and what they post.</summary>
public sealed partial class ForumClient
{
    /// <summary>The password every member made by <see cref="CreateConfirmedMemberAsync"/> registers with, for signing in from a browser.</summary>
    public const string Password = "session password 1";

    /// <summary>The member this client registered as (<see cref="CreateConfirmedMemberAsync"/>); empty otherwise.</summary>
    public string Email { get; private set; } = "";

    /// <summary>The key this member's "authenticator app" holds, once <see cref="TurnOnTwoFactorAsync"/> has run.</summary>
    public string? AuthenticatorKey { get; private set; }

    /// <summary>A visitor who is not signed in, on a forum running as its own process.</summary>
    public static ForumClient Visitor(ForumServer server) => Of(server.BaseUrl, server.Mail, new CookieContainer());

    /// <summary>
    /// The same browser (the same cookies: sign-in, antiforgery) talking to another instance of the forum on this
    /// machine, as a round-robin proxy would send it. Cookies are not kept apart by port.
    /// </summary>
    public ForumClient On(ForumServer other)
    {
        var client = Of(other.BaseUrl, other.Mail, Cookies);
        (client.Email, client.AuthenticatorKey) = (Email, AuthenticatorKey);
        return client;
    }

    /// <summary>Registers a member, confirms the address with the link from the mail pickup folder, and signs in.</summary>
    public static async Task<ForumClient> CreateConfirmedMemberAsync(ForumServer server) =>
        await TryCreateConfirmedMemberAsync(server, $"Member k{Guid.NewGuid().ToString("N")[..7]}")
        ?? throw new InvalidOperationException("The forum refused a plain display name.");

    /// <summary>
    /// Registers a member with the given display name, confirms the address and signs in; null when the
    /// registration form refuses the name (it answers with the form again instead of "Check your email").
    /// </summary>
    public static async Task<ForumClient?> TryCreateConfirmedMemberAsync(ForumServer server, string displayName)
    {
        var client = Visitor(server);
        try
        {
            var email = $"member-{Guid.NewGuid():N}@example.org";
            var registered = (await client.RegisterAsync(email, displayName, Password)).EnsureSuccess();
            if (registered.TextOf("h1") != "Check your email")
            {
                client.Dispose();
                return null;
            }
            client.Email = email;
            await client.GetOkAsync(await client.ConfirmationLinkAsync(email));
            (await client.SignInAsync(email, Password, null)).EnsureSuccess();
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Fills in the registration form; the answer says whether the forum took it ("Check your email").</summary>
    public async Task<Page> RegisterAsync(string email, string displayName, string password)
    {
        var form = await GetOkAsync("/account/register");
        return await SubmitAsync(form, "form[action='/account/register']", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["DisplayName"] = displayName,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });
    }

    /// <summary>The confirmation link from the mail the forum sent to <paramref name="email"/>, as a relative URL.</summary>
    public async Task<string> ConfirmationLinkAsync(string email) =>
        MailPickup.LinkIn(await Mail.WaitForAsync(email, "Confirm your email"), "/account/confirm");

    /// <summary>
    /// Signs in through the form and, with an <paramref name="authenticatorKey"/>, the code step with a code from
    /// it. Works with a client that follows redirects and with one that does not.
    /// </summary>
    public async Task<Page> SignInAsync(string email, string password, string? authenticatorKey)
    {
        var login = await GetOkAsync("/account/login");
        var page = await SubmitAsync(login, "form[action='/account/login']", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        if (authenticatorKey is null)
        {
            return page;
        }
        var step = page.Status == HttpStatusCode.Redirect ? await GetOkAsync(page.Response.Headers.Location!.OriginalString) : page;
        if (!step.Url.StartsWith("/account/login/two-factor", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The password step led to {step.Url}, not to the code step.");
        }
        return await SubmitAsync(step, "form[action='/account/login/two-factor']", new Dictionary<string, string?>
        {
            ["Code"] = Totp.Code(authenticatorKey),
        });
    }

    /// <summary>
    /// Signs in again, e.g. after a role change, so the cookie carries the new roles; with two-factor sign-in on,
    /// through the code step too.
    /// </summary>
    public async Task SignInAgainAsync() => (await SignInAsync(Email, Password, AuthenticatorKey)).EnsureSuccess();

    /// <summary>
    /// Turns on two-factor sign-in through its page, as staff must, with a code from the key the page shows;
    /// returns the page that shows the recovery codes.
    /// </summary>
    public async Task<Page> TurnOnTwoFactorAsync()
    {
        var page = await GetOkAsync("/account/two-factor");
        var key = page.TextOf("#shared-key") ?? throw new InvalidOperationException($"No shared key on {page.Url}.");
        var done = await SubmitAsync(page, "form[action='/account/two-factor/enable']", new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });
        AuthenticatorKey = key;
        return done.EnsureSuccess();
    }

    /// <summary>Starts a thread through the form; returns its path.</summary>
    public async Task<string> StartThreadAsync(string topicSlug, string title, string body) =>
        (await SubmitAsync($"/t/{topicSlug}/new", $"/t/{topicSlug}/new", new() { ["Title"] = title, ["Body"] = body })).Url;

    /// <summary>Loads the thread page for its form token; the returned function only sends the POST, so it can be timed alone.</summary>
    public async Task<Func<Task>> PrepareReplyAsync(string threadPath, int threadId, string body)
    {
        var fields = new Dictionary<string, string>
        {
            ["Body"] = body,
            ["SubmissionToken"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = await FormTokenAsync(threadPath),
        };
        return async () =>
        {
            using var content = new FormUrlEncodedContent(fields);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/threads/{threadId}/reply", UriKind.Relative)) { Content = content };
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
        };
    }

    private static ForumClient Of(string baseUrl, MailPickup mail, CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = new Uri(baseUrl) }, cookies, mail);
}
