using System.Globalization;
using System.Net;
using PatientForum.Tests.Features.Posting;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// Suspension, beyond <see cref="SelfHarmAndSuspensionTests"/>: every way of posting is refused (starting a
/// thread, editing, the flag form) with the reason and the date, and lifting it gives everything back.
/// </summary>
public sealed class SuspensionTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task SuspendedForThreeDays_CannotStartAThreadEditOrFlag_SeesWhyAndUntilWhen_ButCanRead()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var (otherPath, otherPost) = await Moderating.ThreadWithReplyAsync(other, "Someone else's reply.");
        var ownPath = await Compose.StartThreadPathAsync(member, "rehab", $"Before my suspension {Guid.NewGuid():N}", "Hello.");
        var ownPost = await ModerationState.OpeningPostIdAsync(member.Client, ownPath);
        var userId = await ModerationState.UserIdAsync(factory, member.Email);
        var reason = $"Repeated advertising {Guid.NewGuid():N}";
        var until = DateTime.UtcNow.AddDays(3).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        await ModerationState.SuspendAsync(moderator, userId, "3", reason);

        var title = $"Written while suspended {Guid.NewGuid():N}";
        var start = await member.Client.PostAsync("/t/rehab/new", new Dictionary<string, string?>
        {
            ["Title"] = title,
            ["Body"] = "This should not appear.",
            ["SubmissionToken"] = Guid.NewGuid().ToString(),
        });
        RefusedComposer.Assert(start, HttpStatusCode.Forbidden, "This should not appear.", "Your account is suspended until", title);
        Assert.Contains(reason, start.Text, StringComparison.Ordinal);
        Assert.Contains(until, start.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await factory.CreateForumClient().GetOkAsync("/t/rehab")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync($"/posts/{ownPost}/edit")).Status);
        var flagForm = await member.Client.GetAsync($"/posts/{otherPost}/flag");
        Assert.Equal(HttpStatusCode.Forbidden, flagForm.Status);
        Assert.Contains(reason, flagForm.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(otherPath)).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(ownPath)).Status);
        var userPage = await moderator.Client.GetOkAsync($"/moderation/users/{userId}");
        Assert.Contains($"Suspended until {until}", userPage.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiftingASuspension_LetsTheMemberStartThreadsAndFlagAgain()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var (_, otherPost) = await Moderating.ThreadWithReplyAsync(other, "A reply to flag after the suspension.");
        var userId = await ModerationState.UserIdAsync(factory, member.Email);
        await ModerationState.SuspendAsync(moderator, userId, null, "Cooling off");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/t/rehab/new")).Status);

        await ModerationState.UnsuspendAsync(moderator, userId, "Apologised");

        var title = $"Back after the suspension {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(member, "rehab", title, "Thanks for having me back.");
        Assert.Contains(title, (await factory.CreateForumClient().GetOkAsync(path)).Text, StringComparison.Ordinal);
        Assert.Equal("Thank you", (await Moderating.FlagAsync(member, otherPost)).TextOf("h1"));
        Assert.Contains("Not suspended.", (await moderator.Client.GetOkAsync($"/moderation/users/{userId}")).Text, StringComparison.Ordinal);
    }
}
