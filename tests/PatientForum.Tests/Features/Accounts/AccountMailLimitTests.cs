using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// The forms that send account mail cannot be used to bomb an inbox: each address gets at most three such mails an
/// hour (the page still says what it always says, so it tells nobody whether the address has an account), and
/// each client address may post those forms only so often (429 with Retry-After, for everyone alike).
/// Mails are counted in the outbox, where a request puts them before it answers.
/// </summary>
public sealed class AccountMailLimitTests(AccountMailLimitTests.LimitedForum forum) : IClassFixture<AccountMailLimitTests.LimitedForum>
{
    public const string ResetSubject = "Reset your PatientForum password";

    public sealed class LimitedForum : ForumFactory
    {
        public LimitedForum() => Clock = Time;

        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",
            ["Forum:RateLimits:SignInsPerMinute"] = "1000",
            ["Forum:RateLimits:AccountMailsPerAddressPerHour"] = "3",
        };
    }

    /// <summary>A forum where one client address may post the account-mail forms twice an hour.</summary>
    public sealed class PerIpForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:RateLimits:Enabled"] = "true",
            ["Forum:RateLimits:AccountMailsPerHourPerIp"] = "2",
        };
    }

    [Fact]
    public async Task ForgotPassword_FourTimesInAnHour_SendsThreeMails_AnswersAlikeForAnUnknownAddress_AndSendsAgainAnHourLater()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var unknown = Members.UniqueEmail("nobody");

        // The registration's confirmation mail counted in the hour just gone.
        forum.Time.Advance(TimeSpan.FromHours(1));
        var known = new List<ForumClient.Page>();
        var stranger = new List<ForumClient.Page>();
        for (var i = 0; i < 4; i++)
        {
            known.Add(await ForgotPasswordAsync(forum, member.Email));
            stranger.Add(await ForgotPasswordAsync(forum, unknown));
        }
        var sentInTheHour = await MailsAsync(forum, member.Email, ResetSubject);
        forum.Time.Advance(TimeSpan.FromHours(1));
        await ForgotPasswordAsync(forum, member.Email);

        Assert.Equal(3, sentInTheHour);
        Assert.Equal(4, await MailsAsync(forum, member.Email, ResetSubject));
        Assert.Equal(0, await MailsAsync(forum, unknown, ""));
        var answers = known.Concat(stranger).ToList();
        Assert.All(answers, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.Single(answers.Select(page => page.TextsOf("main h1, main p")).Select(texts => string.Join("\n", texts)).Distinct());
    }

    [Fact]
    public async Task AccountMailForms_PastTheLimitForOneClientAddress_Get429WithRetryAfter_WhetherOrNotTheAddressHasAnAccount()
    {
        using var limited = new PerIpForum();
        var member = await Members.RegisterConfirmedAsync(limited);

        // The member's registration was this client address's first post to these forms.
        var second = await ForgotPasswordAsync(limited, Members.UniqueEmail("nobody"));
        var known = await ForgotPasswordAsync(limited, member.Email);
        var unknown = await ForgotPasswordAsync(limited, Members.UniqueEmail("nobody"));

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, known.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.Status);
        Assert.Equal(TimeSpan.FromHours(1), known.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(TimeSpan.FromHours(1), unknown.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(0, await MailsAsync(limited, member.Email, ResetSubject));
    }

    public static async Task<ForumClient.Page> ForgotPasswordAsync(ForumFactory forum, string email)
    {
        using var client = forum.CreateForumClient(followRedirects: false);
        var form = await client.GetOkAsync("/account/forgot-password");
        var page = await client.SubmitAsync(form, "form[action='/account/forgot-password']", new Dictionary<string, string?> { ["Email"] = email });

        // The form answers before it looks the address up; any mail is in the outbox once the request is handled.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await forum.Services.GetRequiredService<AccountMailRequests>().WhenHandledAsync(timeout.Token);
        return page;
    }

    /// <summary>Mails to <paramref name="email"/> whose subject starts with <paramref name="subject"/>, counted in the outbox.</summary>
    public static Task<int> MailsAsync(ForumFactory forum, string email, string subject) =>
        ModerationState.QueryAsync(forum, db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.StartsWith(subject)));
}
