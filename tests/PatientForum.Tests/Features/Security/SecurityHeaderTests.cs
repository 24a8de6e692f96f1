using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Theme;

namespace PatientForum.Tests.Features.Security;

public sealed class SecurityHeaderTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    public static TheoryData<string> Pages => ["/", "/t/rehab", "/guide", "/account/login", "/contact", "/search?q=knee", "/no-such-page"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AnyPage_CarriesAStrictContentSecurityPolicyAndSafeHeaders(string path)
    {
        var page = await factory.CreateForumClient().GetAsync(path);

        var csp = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(page.Response.Headers.GetValues("Referrer-Policy")));
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Page_ForSignedInMember_IsNoStore_ButNotForAnonymousReaders()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var signedIn = await member.Client.GetOkAsync("/guide");
        var anonymous = await factory.CreateForumClient().GetOkAsync("/guide");

        Assert.True(signedIn.Response.Headers.CacheControl?.NoStore, "A member's page must be Cache-Control: no-store.");
        Assert.NotEqual(true, anonymous.Response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task AuthAndAntiforgeryCookies_AreHttpOnlyAndSameSiteLaxOrStricter()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var client = factory.CreateForumClient(followRedirects: false);

        var form = await client.GetOkAsync("/account/login");
        var login = await client.SubmitAsync(form, "form[action='/account/login']", new Dictionary<string, string?>
        {
            ["Email"] = member.Email,
            ["Password"] = member.Password,
        });

        var cookies = SetCookies(form).Concat(SetCookies(login)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("pf_auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("pf_af=", StringComparison.Ordinal));
        Assert.All(cookies.Where(c => c.StartsWith("pf_", StringComparison.Ordinal)), cookie =>
        {
            // The theme cookie alone is for script (the pre-paint theme class); it holds a theme's name and nothing else.
            if (!cookie.StartsWith($"{ThemeCookie.Name}=", StringComparison.Ordinal))
            {
                Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            }
            Assert.Matches("(?i)samesite=(lax|strict)", cookie);
        });
        Assert.All(cookies.Where(c => c.StartsWith($"{ThemeCookie.Name}=", StringComparison.Ordinal)),
            cookie => Assert.Matches($"^{ThemeCookie.Name}=(light|dark)?;", cookie));
    }

    public sealed class HttpsForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:PublicUrl"] = "https://forum.example.org" };
    }

    [Fact]
    public async Task AuthCookie_ForAForumServedOverHttps_IsSecureWithTheHostPrefix()
    {
        using var https = new HttpsForum();
        var member = await Members.RegisterConfirmedAsync(https);
        var client = https.CreateForumClient(followRedirects: false);

        var form = await client.GetOkAsync("/account/login");
        var login = await client.SubmitAsync(form, "form[action='/account/login']", new Dictionary<string, string?>
        {
            ["Email"] = member.Email,
            ["Password"] = member.Password,
        });

        var cookie = Assert.Single(SetCookies(login), c => c.Contains("pf_auth=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-pf_auth=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> SetCookies(ForumClient.Page page) =>
        page.Response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
