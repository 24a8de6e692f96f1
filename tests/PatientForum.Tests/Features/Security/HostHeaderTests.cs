using System.Net;
using System.Text.RegularExpressions;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Password-reset poisoning: a request that names another host (Host, X-Forwarded-Host) must not make the forum
/// mail a link to that host, which would hand the victim's reset or confirmation code to whoever runs it. Links in
/// mail are built from Forum:PublicUrl alone, and by default a foreign Host is refused before it reaches a page.
/// </summary>
public sealed partial class HostHeaderTests(HostHeaderTests.PermissiveForum forum) : IClassFixture<HostHeaderTests.PermissiveForum>
{
    private const string PublicUrl = "http://forum.example.org";
    private const string Evil = "http://evil.example";

    /// <summary>
    /// A forum whose host filter lets the attacker's host through, as a misconfigured proxy or AllowedHosts would:
    /// the links must be right even then.
    /// </summary>
    public sealed class PermissiveForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:PublicUrl"] = PublicUrl,
            ["AllowedHosts"] = "localhost;evil.example",
        };
    }

    [Fact]
    public async Task ForgotPassword_WithAForeignHostAndForwardedHost_MailsALinkOnThePublicUrl()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        using var attacker = forum.CreateForumClient();

        var answer = await PostOnEvilHostAsync(attacker, "/account/forgot-password", new() { ["Email"] = member.Email });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var mail = await forum.Mail.WaitForAsync(member.Email, "Reset your PatientForum password");
        AssertLinksOnPublicUrl(mail.TextBody);
        Assert.Contains($"{PublicUrl}/account/reset-password?code=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithAForeignHostAndForwardedHost_MailsAConfirmationLinkOnThePublicUrl()
    {
        var email = Members.UniqueEmail();
        using var attacker = forum.CreateForumClient();
        var password = Canaries.Password();

        var answer = await PostOnEvilHostAsync(attacker, "/account/register", new()
        {
            ["Email"] = email, ["DisplayName"] = Members.UniqueName(), ["Password"] = password, ["ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var mail = await forum.Mail.WaitForAsync(email, "Confirm your email");
        AssertLinksOnPublicUrl(mail.TextBody);
        Assert.Contains($"{PublicUrl}/account/confirm?userId=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_NamingAForeignHost_WithTheDefaultAllowedHosts_IsRefusedWith400()
    {
        using var plain = new ForumFactory();
        using var client = plain.CreateClient();

        using var foreign = await client.GetAsync(new Uri($"{Evil}/account/forgot-password"));
        using var local = await client.GetAsync(new Uri("http://localhost/account/forgot-password"));

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    /// <summary>Opens the form and posts it on the attacker's host, naming it again in X-Forwarded-Host.</summary>
    private static async Task<HttpResponseMessage> PostOnEvilHostAsync(ForumClient client, string path, Dictionary<string, string> fields)
    {
        var form = await ForumClient.Page.FromAsync(await client.Http.GetAsync(new Uri(Evil + path)));
        fields["__RequestVerificationToken"] = form.AntiforgeryToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Evil + path)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.Http.SendAsync(request);
    }

    private static void AssertLinksOnPublicUrl(string? body)
    {
        var links = LinkPattern().Matches(body ?? "").Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(PublicUrl + "/", link, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
