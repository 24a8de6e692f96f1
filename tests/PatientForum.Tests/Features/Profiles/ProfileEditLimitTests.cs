using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Profiles;

/// <summary>A forum with the rate limits on and two profile saves an hour.</summary>
public sealed class ProfileLimitsForum : ForumFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:RateLimits:Enabled"] = "true",
        ["Forum:Profiles:EditsPerHour"] = "2",
    };
}

/// <summary>Saving a profile is limited per member like other writes; a refusal shows the form again with the text.</summary>
public sealed class ProfileEditLimitTests(ProfileLimitsForum factory) : IClassFixture<ProfileLimitsForum>
{
    [Fact]
    public async Task SavingMoreOftenThanTheLimit_IsRefusedWithRetryAfter_AndKeepsTheText()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await Profiling.SaveAsync(member, "First version of my story.", "Public");
        await Profiling.SaveAsync(member, "Second version of my story.", "Public");
        var third = $"Third version of my story {Guid.NewGuid():N}";

        var page = await Profiling.SaveAsync(member, third, "Public");

        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.NotNull(page.Response.Headers.RetryAfter);
        Assert.Contains("You can save it again in", page.TextOf(".form-errors"), StringComparison.Ordinal);
        Assert.Equal(third, page.TextOf("#About"));
        var profile = await factory.CreateForumClient().GetOkAsync(Profiling.PathOf(member.DisplayName));
        Assert.Equal("Second version of my story.", profile.TextOf(".profile-section .post-body"));
        var other = await Members.RegisterConfirmedAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await Profiling.SaveAsync(other, "Another member saves as usual.", "Public")).Status);
    }
}
