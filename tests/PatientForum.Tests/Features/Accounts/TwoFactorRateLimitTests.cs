using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>The code step shares the sign-in rate limit (per address), with its own forum so no other test's attempts count.</summary>
public sealed class TwoFactorRateLimitTests(Security.RateLimitTests.LimitedForum factory) : IClassFixture<Security.RateLimitTests.LimitedForum>
{
    [Fact]
    public async Task CodeStep_PastTheSignInLimit_Gets429WithRetryAfter()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var key = (await TwoFactor.EnableAsync(member.Client)).Key;
        var client = factory.CreateForumClient();
        var login = await client.GetOkAsync("/account/login");
        var step = await client.SubmitAsync(login, "form[action='/account/login']", new Dictionary<string, string?>
        {
            ["Email"] = member.Email,
            ["Password"] = member.Password,
        });

        var answers = new List<ForumClient.Page>();
        for (var i = 0; i < 10 && answers.LastOrDefault()?.Status != HttpStatusCode.TooManyRequests; i++)
        {
            answers.Add(await client.SubmitAsync(step, "form[action='/account/login/two-factor']", new Dictionary<string, string?>
            {
                ["Code"] = TwoFactorTests.WrongCode(key),
            }));
        }

        Assert.Equal(HttpStatusCode.OK, answers[0].Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].Status);
        Assert.NotNull(answers[^1].Response.Headers.RetryAfter);
    }
}
