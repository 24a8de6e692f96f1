using System.Net;
using System.Text.RegularExpressions;

namespace PatientForum.TestSupport;

/// <summary>A member's HTTP session against a running forum: real forms, real antiforgery tokens.</summary>
public sealed partial class ForumSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies;

    private ForumSession(string baseUrl, CookieContainer? cookies = null)
    {
        _cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(baseUrl),
        };
    }

    public string Email { get; private set; } = "";

    /// <summary>This browser's cookies (sign-in, antiforgery), for a client of its own such as a load loop.</summary>
    public CookieContainer Cookies => _cookies;

    /// <summary>The antiforgery token a form on <paramref name="formPage"/> carries for this session.</summary>
    public Task<string> FormTokenAsync(string formPage) => TokenAsync(formPage);

    /// <summary>
    /// The same browser (the same cookies: sign-in, antiforgery) talking to another instance of the forum on this
    /// machine, as a round-robin proxy would send it. Cookies are not kept apart by port.
    /// </summary>
    public ForumSession On(ForumServer other) => new(other.BaseUrl, _cookies) { Email = Email };

    /// <summary>A page's status and body as this session gets it (redirects followed).</summary>
    public async Task<(HttpStatusCode Status, string Url, string Html)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A visitor who is not signed in.</summary>
    public static ForumSession Visitor(ForumServer server) => new(server.BaseUrl);

    /// <summary>The password every scripted member registers with, for signing in from a browser.</summary>
    public const string Password = "session password 1";

    /// <summary>Registers a member and confirms the address with the link from the mail pickup folder.</summary>
    public static async Task<ForumSession> CreateConfirmedMemberAsync(ForumServer server) =>
        await TryCreateConfirmedMemberAsync(server, $"Member {Guid.NewGuid().ToString("N")[..8]}")
        ?? throw new InvalidOperationException("The forum refused a plain display name.");

    /// <summary>
    /// Registers a member with the given display name and confirms the address; null when the registration
    /// form refuses the name (it answers with the form again instead of "Check your email").
    /// </summary>
    public static async Task<ForumSession?> TryCreateConfirmedMemberAsync(ForumServer server, string displayName)
    {
        var session = new ForumSession(server.BaseUrl);
        var email = session.Email = $"member-{Guid.NewGuid():N}@example.org";
        using var registered = await session.SubmitAsync("/account/register", "/account/register", new()
        {
            ["Email"] = email,
            ["DisplayName"] = displayName,
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        if (!(await registered.Content.ReadAsStringAsync()).Contains("<h1>Check your email</h1>", StringComparison.Ordinal))
        {
            session.Dispose();
            return null;
        }
        var mail = await server.Mail.WaitForAsync(email, "Confirm your email");
        using var confirmed = await session._http.GetAsync(new Uri(MailPickup.LinkIn(mail, "/account/confirm"), UriKind.Relative));
        confirmed.EnsureSuccessStatusCode();
        return session;
    }

    /// <summary>Starts a thread; returns its path.</summary>
    public async Task<string> StartThreadAsync(string topicSlug, string title, string body)
    {
        var response = await SubmitAsync($"/t/{topicSlug}/new", $"/t/{topicSlug}/new", new()
        {
            ["Title"] = title,
            ["Body"] = body,
            ["SubmissionToken"] = Guid.NewGuid().ToString(),
        });
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    /// <summary>Loads the thread page for its form token; the returned function only sends the POST, so it can be timed alone.</summary>
    public async Task<Func<Task>> PrepareReplyAsync(string threadPath, int threadId, string body)
    {
        var fields = new Dictionary<string, string>
        {
            ["Body"] = body,
            ["SubmissionToken"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = await TokenAsync(threadPath),
        };
        return async () =>
        {
            using var content = new FormUrlEncodedContent(fields);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/threads/{threadId}/reply", UriKind.Relative)) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
        };
    }

    /// <summary>The key this member's "authenticator app" holds, once <see cref="TurnOnTwoFactorAsync"/> has run.</summary>
    public string? AuthenticatorKey { get; private set; }

    /// <summary>
    /// Signs in again, e.g. after a role change, so the cookie carries the new roles; with two-factor sign-in on,
    /// through the code step too.
    /// </summary>
    public async Task SignInAgainAsync()
    {
        using var response = await SubmitAsync("/account/login", "/account/login", new()
        {
            ["Email"] = Email,
            ["Password"] = Password,
        });
        if (AuthenticatorKey is not null)
        {
            using var signedIn = await SubmitAsync("/account/login/two-factor", "/account/login/two-factor", new() { ["Code"] = Totp.Code(AuthenticatorKey) });
        }
    }

    /// <summary>Turns on two-factor sign-in through its page, as staff must, with a code from the key the page shows.</summary>
    public async Task TurnOnTwoFactorAsync()
    {
        var html = await _http.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
        var key = SharedKeyPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No shared key on /account/two-factor.");
        using var response = await SubmitAsync("/account/two-factor", "/account/two-factor/enable", new() { ["Code"] = Totp.Code(key) });
        AuthenticatorKey = key;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Submits a form the way a browser does: the token comes from <paramref name="formPage"/>; redirects are followed.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(formPage);
        using var content = new FormUrlEncodedContent(fields);
        var response = await _http.PostAsync(new Uri(action, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private async Task<string> TokenAsync(string formPage)
    {
        var html = await _http.GetStringAsync(new Uri(formPage, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {formPage}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("id=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKeyPattern();
}
