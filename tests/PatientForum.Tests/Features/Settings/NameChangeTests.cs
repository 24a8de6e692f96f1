using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Settings.AccountSettings;

namespace PatientForum.Tests.Features.Settings;

/// <summary>Changing one's display name: the rules for names, the limit on changes, and the old name kept for its owner.</summary>
public sealed class NameChangeTests
{
    [Fact]
    public async Task ChangeName_OldNameReserved_OthersRefused_OwnerTakesItBack_ReservationExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ForumFactory { Clock = time };
        var owner = await MemberAsync(forum);
        var other = await MemberAsync(forum);
        var oldName = owner.DisplayName;
        var newName = Members.UniqueName("Renamed");

        var changed = await ChangeNameAsync(owner.Client, newName);
        Assert.Equal("Your display name is changed.", changed.TextOf(".notice[role=status]"));
        Assert.Equal(newName, changed.TextOf(".signed-in-as strong"));

        // Neither another member nor a newcomer may take the old name, or a look-alike of it.
        var refused = await ChangeNameAsync(other.Client, oldName.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("That display name is taken", refused.TextOf("#NewName-error"), StringComparison.Ordinal);
        Assert.Equal(oldName.ToUpperInvariant(), refused.Document.QuerySelector("#NewName")?.GetAttribute("value"));
        var registration = await forum.CreateForumClient().RegisterAsync(Members.UniqueEmail(), oldName, Canaries.Password());
        Assert.Contains("That display name is taken", registration.Text, StringComparison.Ordinal);

        // A month on, the owner may change again and takes the old name back; the name given up is now theirs.
        time.Advance(TimeSpan.FromDays(31));
        (await Members.SignInAsync(owner.Client, owner)).EnsureSuccess();
        (await Members.SignInAsync(other.Client, other)).EnsureSuccess();
        var back = await ChangeNameAsync(owner.Client, oldName);
        Assert.Equal(oldName, back.TextOf(".signed-in-as strong"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ChangeNameAsync(other.Client, newName)).Status);

        // Once the reservation ends, the name is free for anyone.
        time.Advance(TimeSpan.FromDays(91));
        (await Members.SignInAsync(other.Client, other)).EnsureSuccess();
        var taken = await ChangeNameAsync(other.Client, newName);
        Assert.Equal(newName, taken.TextOf(".signed-in-as strong"));
        Assert.Equal(newName, (await other.Client.GetOkAsync(ForumUrlsProfile(newName))).TextOf("h1"));
    }

    [Fact]
    public async Task ChangeName_SecondTimeWithinThePeriod_IsRefusedWithTheNameKept_UntilThePeriodEnds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ForumFactory { Clock = time };
        var member = await MemberAsync(forum);
        (await ChangeNameAsync(member.Client, Members.UniqueName("First"))).EnsureSuccess();

        var second = Members.UniqueName("Second");
        var refused = await ChangeNameAsync(member.Client, second);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("You changed your display name recently", refused.TextOf("#NewName-error"), StringComparison.Ordinal);
        Assert.Equal(second, refused.Document.QuerySelector("#NewName")?.GetAttribute("value"));
        Assert.NotNull(refused.Response.Headers.RetryAfter);

        time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        (await Members.SignInAsync(member.Client, member)).EnsureSuccess();
        Assert.Equal(second, (await ChangeNameAsync(member.Client, second)).TextOf(".signed-in-as strong"));
    }

    [Fact]
    public async Task ChangeName_InvalidName_ShowsTheRuleAndKeepsTheText_WithoutUsingTheAllowance()
    {
        using var forum = new ForumFactory();
        var member = await MemberAsync(forum);

        var refused = await ChangeNameAsync(member.Client, "x");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("A display name has 3 to 40 characters.", refused.TextOf("#NewName-error"));
        Assert.Equal("x", refused.Document.QuerySelector("#NewName")?.GetAttribute("value"));

        var name = Members.UniqueName("Valid");
        Assert.Equal(name, (await ChangeNameAsync(member.Client, name)).TextOf(".signed-in-as strong"));
        var activity = await ActivityAsync(member.Client);
        Assert.Equal("Display name changed", activity[0].What);
    }

    private static string ForumUrlsProfile(string name) => PatientForum.Web.Features.ForumUrls.Profile(name);
}
