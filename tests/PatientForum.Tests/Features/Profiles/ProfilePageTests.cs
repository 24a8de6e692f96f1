using System.Globalization;
using System.Net;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Profiles;

/// <summary>
/// A member's profile as visitors, members, the member themself and moderators see it: what it lists and counts, who
/// may open it at all, and the address it answers at.
/// </summary>
public sealed class ProfilePageTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Profile_WithHiddenThreadsAndReplies_ListsAndCountsOnlyWhatEachViewerMayRead()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var unique = Guid.NewGuid().ToString("N");
        var shownTitle = $"Hydrotherapy after surgery {unique}";
        var shown = await Compose.StartThreadPathAsync(author, "rehab", shownTitle, "How warm was your pool?");
        var hiddenTitle = $"A thread a moderator hid {unique}";
        var hidden = await Compose.StartThreadPathAsync(author, "rehab", hiddenTitle, "Its opening post goes.");
        var othersTitle = $"A thread by another member, hidden later {unique}";
        var others = await Compose.StartThreadPathAsync(other, "injections", othersTitle, "Also to be hidden.");
        await Profiling.ReplyAsync(author, shown, $"A reply anyone may read {unique}");
        var hiddenReply = await Profiling.ReplyAsync(author, shown, $"A reply a moderator hid {unique}");
        var removedReply = await Profiling.ReplyAsync(author, shown, $"A reply a moderator removed {unique}");
        await Profiling.ReplyAsync(author, others, $"A reply in a thread that was hidden {unique}");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, hidden), "hide", "Personal information");
        await Moderating.ActAsync(moderator, hiddenReply, "hide", "Personal information");
        await Moderating.ActAsync(moderator, removedReply, "delete", "Spam");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(other.Client, others), "hide", "Advertising");
        var path = Profiling.PathOf(author.DisplayName);
        string[] neverShown = [hiddenTitle, othersTitle, $"hid {unique}", $"removed {unique}", $"was hidden {unique}"];

        foreach (var (who, client) in new[] { ("visitor", factory.CreateForumClient()), ("member", other.Client), ("the member themself", author.Client) })
        {
            var page = await client.GetOkAsync(path);
            Assert.True((1, 1) == Profiling.Stats(page), $"The {who} was shown {Profiling.Stats(page)}");
            Assert.Contains(shownTitle, page.Text, StringComparison.Ordinal);
            Assert.Contains($"A reply anyone may read {unique}", page.Text, StringComparison.Ordinal);
            Assert.All(neverShown, text => Assert.DoesNotContain(text, page.Text, StringComparison.Ordinal));
        }

        var staff = await moderator.Client.GetOkAsync(path);
        Assert.Equal((2, 4), Profiling.Stats(staff));
        Assert.All(neverShown, text => Assert.Contains(text, staff.Text, StringComparison.Ordinal));
        Assert.Equal(4, staff.Document.QuerySelectorAll("[data-state=hidden]").Length);
        // Newest first: the hidden thread; then the reply in another's hidden thread, the removed reply, the hidden one.
        Assert.Equal(["Hidden", "Thread hidden", "Removed", "Hidden"], staff.TextsOf("[data-state=hidden] .badge"));
    }

    [Fact]
    public async Task Profile_ShowsNameJoiningMonthAndAvatar_ButNeverTheEmailAddress()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var page = await factory.CreateForumClient().GetOkAsync(Profiling.PathOf(member.DisplayName));

        Assert.Equal(member.DisplayName, page.TextOf("h1"));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Member since {DateTime.UtcNow:MMMM yyyy}"), page.TextOf(".profile-heading p"));
        Assert.Equal(Web.Features.Profiles.Avatars.Initials(member.DisplayName), page.TextOf(".profile-heading .avatar"));
        Assert.DoesNotContain(member.Email, page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Document.QuerySelectorAll(".profile-section .post-body, .conditions"));
    }

    [Fact]
    public async Task Profile_OfAnUnknownName_IsNotFound()
    {
        var page = await factory.CreateForumClient().GetAsync($"/u/{Uri.EscapeDataString($"Nobody {Guid.NewGuid():N}"[..20])}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf("h1"));
    }

    [Fact]
    public async Task Profile_OfTheSignInDecoy_IsNotFound_ButTheGuidesAuthorHasOne()
    {
        var moderator = await Staff.ModeratorAsync(factory);

        var decoy = await moderator.Client.GetAsync(Profiling.PathOf(Web.Data.Seeding.SignInDecoy.DisplayName));
        var guide = await factory.CreateForumClient().GetAsync(Profiling.PathOf(Web.Data.Seeding.ForumSeeder.GuideAuthorDisplayName));

        Assert.Equal(HttpStatusCode.NotFound, decoy.Status);
        Assert.Equal(HttpStatusCode.OK, guide.Status);
    }

    [Fact]
    public async Task Profile_OfAnUnconfirmedAccount_IsNotFoundExceptForModerators()
    {
        var unconfirmed = await Members.RegisterAsync(factory);
        var path = Profiling.PathOf(unconfirmed.DisplayName);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateForumClient().GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Members.RegisterConfirmedAsync(factory)).Client.GetAsync(path)).Status);
        var staff = await (await Staff.ModeratorAsync(factory)).Client.GetOkAsync(path);
        Assert.Contains("has not confirmed its email address", staff.TextOf(".staff-note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_OfASuspendedMember_ShowsAsAnyOther_WithTheSuspensionForModeratorsOnly()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        await ModerationState.SuspendAsync(moderator, await ModerationState.UserIdAsync(factory, member.Email), "7", "Cooling off");
        var path = Profiling.PathOf(member.DisplayName);

        var visitor = await factory.CreateForumClient().GetOkAsync(path);
        var staff = await moderator.Client.GetOkAsync(path);

        Assert.Equal(member.DisplayName, visitor.TextOf("h1"));
        Assert.DoesNotContain("uspend", visitor.Text, StringComparison.Ordinal);
        Assert.Contains("Suspended until", staff.TextOf(".staff-note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ByAnotherSpellingOfTheName_RedirectsToTheMembersOwn()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var client = factory.CreateForumClient(followRedirects: false);

        var answer = await client.GetAsync(Profiling.PathOf(member.DisplayName.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.MovedPermanently, answer.Status);
        Assert.Equal(Profiling.PathOf(member.DisplayName), answer.Response.Headers.Location!.OriginalString);
        Assert.Equal(member.DisplayName, (await factory.CreateForumClient().GetOkAsync(Profiling.PathOf(member.DisplayName.ToLowerInvariant()))).TextOf("h1"));
    }
}
