using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Aliases;

/// <summary>
/// Where an alias could be tied to another alias or to its member by something other than a post: a thread moved to
/// another topic, the alias's page, reactions, and a moderator letting a suspended author back in.
/// </summary>
public sealed class AliasBoundaryTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task MoveThread_HoldingAnAliasedReply_IsRefusedWithTheReason_AndTheThreadStays()
    {
        var starter = await Members.RegisterConfirmedAsync(forum);
        var member = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Moved or not"), "Opening words.");
        (await Aliasing.ReplyAsync(member, path, "An aliased reply.")).EnsureSuccess();
        var threadId = Compose.ThreadId(path);
        var rehab = await TopicIdAsync("rehab");
        var other = await TopicIdAsync("injections");

        var page = await moderator.Client.GetOkAsync($"/moderation/threads/{threadId}");
        var refused = await moderator.Client.PostAsync($"/moderation/threads/{threadId}/move", new Dictionary<string, string?>
        {
            ["topicId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "Wrong topic",
        });

        Assert.Null(page.Document.QuerySelector($"form[action='/moderation/threads/{threadId}/move']"));
        Assert.Contains("an alias belongs to one topic", page.TextOf("[data-move-refused]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("an alias belongs to one topic", refused.Text, StringComparison.Ordinal);
        Assert.Equal(rehab, await ModerationState.QueryAsync(forum, db => db.Threads.Where(t => t.Id == threadId).Select(t => t.TopicId).SingleAsync()));
        Assert.False(await ModerationState.QueryAsync(forum, db => db.ModerationActions.AnyAsync(a => a.ThreadId == threadId && a.Kind == ModerationKind.MoveThread)));

        // A thread with no aliased post still moves.
        var plain = Compose.ThreadId(await Compose.StartThreadPathAsync(starter, "rehab", Unique("Plain move"), "Words."));
        (await moderator.Client.PostAsync($"/moderation/threads/{plain}/move", new Dictionary<string, string?>
        {
            ["topicId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).EnsureSuccess();
        Assert.Equal(other, await ModerationState.QueryAsync(forum, db => db.Threads.Where(t => t.Id == plain).Select(t => t.TopicId).SingleAsync()));
    }

    [Fact]
    public async Task AliasPage_SaysNothingOfWhenAnyoneJoined_WhileTheMembersProfileDoes()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == memberId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.CreatedAt, new DateTime(2019, 3, 14, 0, 0, 0, DateTimeKind.Utc))));
        await Aliasing.StartThreadPathAsync(member, "biologics", Unique("Alias page dates"), "Words.");
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "biologics"))!;
        using var visitor = forum.CreateForumClient();

        var aliasPage = await visitor.GetOkAsync($"/a/{alias.Number}");
        var profile = await visitor.GetOkAsync($"/u/{Uri.EscapeDataString(member.DisplayName)}");

        Assert.Equal(alias.DisplayName, aliasPage.TextOf("h1"));
        Assert.DoesNotContain("Member since", aliasPage.Text, StringComparison.Ordinal);
        Assert.Null(aliasPage.Document.QuerySelector(".profile-heading time"));
        Assert.Equal("Member since March 2019", profile.TextOf(".profile-heading p"));
    }

    [Fact]
    public async Task LiftAuthorSuspension_OfAnAliasedPost_LetsTheMemberBackIn_WithoutNamingThem()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Suspended then let back"), "Words.");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        var queue = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}");
        Assert.Null(queue.Document.QuerySelector($"form[action='/moderation/posts/{postId}/unsuspend-author']"));
        (await moderator.Client.SubmitAsync(queue, $"form[action='/moderation/posts/{postId}/suspend-author']",
            new Dictionary<string, string?> { ["Days"] = "", ["Reason"] = "Cool off" })).EnsureSuccess();

        var suspended = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}");
        var lifted = await moderator.Client.SubmitAsync(suspended, $"form[action='/moderation/posts/{postId}/unsuspend-author']",
            new Dictionary<string, string?> { ["Reason"] = "Talked it through" });
        var log = await moderator.Client.GetOkAsync("/moderation/log");

        Assert.Contains("suspended until the suspension is lifted", suspended.TextOf("[data-author-suspended]"), StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, suspended.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(memberId, suspended.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, lifted.Status);
        Assert.Null(lifted.Document.QuerySelector($"form[action='/moderation/posts/{postId}/unsuspend-author']"));
        Assert.Null(await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedUntil).SingleAsync()));
        var entry = await ModerationState.QueryAsync(forum, db => db.ModerationActions
            .Where(a => a.PostId == postId && a.Kind == ModerationKind.UnsuspendUser).Select(a => new { a.TargetUserId, a.Reason }).SingleAsync());
        Assert.Equal((alias.AliasUserId, "Talked it through"), (entry.TargetUserId, entry.Reason));
        Assert.Contains("Talked it through", log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, log.Text, StringComparison.Ordinal);
        (await Members.SignInAsync(member.Client, member)).EnsureSuccess();
        Assert.Equal(HttpStatusCode.OK, (await Aliasing.ReplyAsync(member, path, "Back again.")).Status);
    }

    [Fact]
    public async Task LiftAuthorSuspension_ByAnotherMember_IsRefused_AndTheSuspensionStays()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var moderator = await Staff.ModeratorAsync(forum);
        var stranger = await Members.RegisterConfirmedAsync(forum);
        var postId = await ModerationState.OpeningPostIdAsync(member.Client,
            await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Stays suspended"), "Words."));
        (await moderator.Client.PostAsync($"/moderation/posts/{postId}/suspend-author", new Dictionary<string, string?> { ["Days"] = "2" })).EnsureSuccess();

        var refused = await stranger.Client.PostAsync($"/moderation/posts/{postId}/unsuspend-author", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.NotNull(await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedUntil).SingleAsync()));
    }

    [Fact]
    public async Task Reactions_ToAnAliasedPost_CountOnTheAliasPage_NeverOnTheMembersProfile_AndNotByTheMemberBehindIt()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var reader = await Members.RegisterConfirmedAsync(forum);
        var path = await Aliasing.StartThreadPathAsync(member, "biologics", Unique("Reacted to under an alias"), "Words.");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "biologics"))!;

        (await reader.Client.PostAsync($"/posts/{postId}/reactions/helpful", new Dictionary<string, string?>())).EnsureSuccess();
        var own = await member.Client.PostAsync($"/posts/{postId}/reactions/support", new Dictionary<string, string?>());
        using var visitor = forum.CreateForumClient();

        Assert.Equal(HttpStatusCode.Forbidden, own.Status);
        Assert.Equal(1, ReactionsReceived(await visitor.GetOkAsync($"/a/{alias.Number}")));
        Assert.Equal(0, ReactionsReceived(await visitor.GetOkAsync($"/u/{Uri.EscapeDataString(member.DisplayName)}")));
    }

    [Fact]
    public async Task FlagAndHide_OfAnAliasedPost_QueueNamesTheAlias_AndTheMemberBehindItIsTold()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var flagger = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var title = Unique("Flagged under an alias");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, await Aliasing.StartThreadPathAsync(member, "rehab", title, "Words."));
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;

        (await Moderating.FlagAsync(flagger, postId, "Other", "Please look")).EnsureSuccess();
        var queue = await moderator.Client.GetOkAsync("/moderation");
        (await Moderating.ActAsync(moderator, postId, "hide", "Off topic")).EnsureSuccess();

        var row = queue.TextOf($"#queue-{postId}")!;
        Assert.Contains(alias.DisplayName, row, StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, queue.Text, StringComparison.Ordinal);
        Assert.Contains($"A moderator hid your post in “{title}”", await EntriesAsync(member));
    }

    private static int ReactionsReceived(ForumClient.Page profile) =>
        int.Parse(profile.Document.QuerySelectorAll(".profile-stats div")
            .Single(d => d.QuerySelector("dt")?.TextContent == "Reactions received").QuerySelector("dd")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> TopicIdAsync(string slug) =>
        ModerationState.QueryAsync(forum, db => db.Topics.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());
}
