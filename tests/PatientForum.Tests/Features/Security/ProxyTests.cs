using System.Net;
using System.Text.RegularExpressions;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Behind nginx every request arrives from the proxy. The forum believes X-Forwarded-For only from the addresses in
/// Forum:Proxy:KnownProxies, so per-address limits count clients, and nobody else can pick their own address.
/// The forum runs as a real process so that requests come from a real loopback address.
/// </summary>
public sealed partial class ProxyTests
{
    private const int SignInsPerMinute = 2;

    [Fact]
    public async Task SignInLimit_BehindAKnownProxy_CountsEachForwardedClientApart()
    {
        await using var server = await StartAsync(knownProxy: "127.0.0.1");

        var first = await SignInAttemptsAsync(server, "203.0.113.10", SignInsPerMinute + 1);
        var other = await SignInAttemptsAsync(server, "203.0.113.20", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, Assert.Single(other));
    }

    [Fact]
    public async Task SignInLimit_WithoutAKnownProxy_IgnoresTheForwardedAddress()
    {
        await using var server = await StartAsync(knownProxy: null);

        var first = await SignInAttemptsAsync(server, "203.0.113.10", SignInsPerMinute + 1);
        var other = await SignInAttemptsAsync(server, "203.0.113.20", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, Assert.Single(other));
    }

    private static async Task<ForumServer> StartAsync(string? knownProxy)
    {
        var settings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",

            // ForumServer turns rate limits off for scripted members; this test is about one of them.
            ["Forum__RateLimits__Enabled"] = "true",
            ["Forum__RateLimits__SignInsPerMinute"] = SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (knownProxy is not null)
        {
            settings["Forum__Proxy__KnownProxies__0"] = knownProxy;
        }
        return await ForumServer.StartNewAsync(settings);
    }

    /// <summary>Signs in with a wrong password <paramref name="count"/> times as the client a proxy calls <paramref name="clientAddress"/>.</summary>
    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(ForumServer server, string clientAddress, int count)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var form = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = $"nobody-{Guid.NewGuid():N}@example.org",
                    ["Password"] = "not the password",
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value),
                }),
            };
            request.Headers.Add("X-Forwarded-For", clientAddress);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
