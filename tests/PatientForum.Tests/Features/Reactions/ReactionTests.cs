using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Notifications;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Reactions;

/// <summary>Reactions through the real buttons: what members, the author and visitors see, and what is refused.</summary>
public sealed class ReactionTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Press_ThenPressAgain_CountRisesAndFalls_PressedOnlyForTheMember()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Hydrotherapy twice a week got me walking again.");
        var member = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);

        var pressed = await Reacting.PressAsync(member, path, postId, "helpful");

        Assert.Equal(HttpStatusCode.OK, pressed.Status);
        Assert.Equal("true", Reacting.Button(pressed, postId, "helpful").GetAttribute("aria-pressed"));
        Assert.Equal(["Helpful, 1 person", "Me too, 0 people", "Sending support, 0 people"], Reacting.Spoken(pressed, postId));
        var othersView = await other.Client.GetOkAsync(path);
        Assert.Equal("false", Reacting.Button(othersView, postId, "helpful").GetAttribute("aria-pressed"));
        Assert.Equal("Helpful, 1 person", Reacting.Spoken(othersView, postId)[0]);
        var visitorView = await factory.CreateForumClient().GetOkAsync(path);
        Assert.Empty(Reacting.Buttons(visitorView, postId));
        Assert.Equal(["Helpful, 1 person"], Reacting.Spoken(visitorView, postId));

        var again = await Reacting.PressAsync(member, path, postId, "helpful");

        Assert.Equal("false", Reacting.Button(again, postId, "helpful").GetAttribute("aria-pressed"));
        Assert.Equal("Helpful, 0 people", Reacting.Spoken(again, postId)[0]);
        Assert.Empty(Reacting.Spoken(await factory.CreateForumClient().GetOkAsync(path), postId));
    }

    [Fact]
    public async Task SeveralMembersAndKinds_EachCountedOncePerMember_EvenWhenPressedTwiceAtOnce()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "The flare lasted three days after the injection.");
        var first = await Members.RegisterConfirmedAsync(factory);
        var second = await Members.RegisterConfirmedAsync(factory);
        await Reacting.PressAsync(first, path, postId, "me-too");
        await Reacting.PressAsync(first, path, postId, "support");
        await Reacting.PressAsync(second, path, postId, "me-too");

        // Two presses that arrive together (a double click without the script) never make two reactions.
        var page = await second.Client.GetOkAsync(path);
        var presses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            second.Client.SubmitAsync(page, $"form[action='{Reacting.Action(postId, "helpful")}']", new Dictionary<string, string?>())));

        Assert.All(presses, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var secondId = await ModerationState.UserIdAsync(factory, second.Email);
        var rows = await ModerationState.QueryAsync(factory, db => db.PostReactions.CountAsync(r => r.PostId == postId && r.UserId == secondId && r.Kind == Web.Data.ReactionKind.Helpful));
        Assert.InRange(rows, 0, 1);
        var spoken = Reacting.Spoken(await factory.CreateForumClient().GetOkAsync(path), postId);
        Assert.Equal(rows == 1 ? ["Helpful, 1 person", "Me too, 2 people", "Sending support, 1 person"] : ["Me too, 2 people", "Sending support, 1 person"], spoken);
    }

    [Fact]
    public async Task OwnPost_HasNoButtons_AndIsRefusedWith403()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "My own story about the biologic.");

        var own = await author.Client.GetOkAsync(path);
        var refused = await author.Client.PostAsync(Reacting.Action(postId, "helpful"), new Dictionary<string, string?>());

        Assert.Empty(Reacting.Buttons(own, postId));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("You cannot react to your own post", refused.TextOf("h1"));
        Assert.Empty(Reacting.Spoken(await author.Client.GetOkAsync(path), postId));
    }

    [Fact]
    public async Task SuspendedMember_SeesNoButtons_AndIsRefused()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Pacing helped more than anything.");
        var member = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        await ModerationState.SuspendAsync(moderator, await ModerationState.UserIdAsync(factory, member.Email), "3", "Cooling off");

        var page = await member.Client.GetOkAsync(path);
        var refused = await member.Client.PostAsync(Reacting.Action(postId, "support"), new Dictionary<string, string?>());

        Assert.Empty(Reacting.Buttons(page, postId));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.False(await ModerationState.QueryAsync(factory, db => db.PostReactions.AnyAsync(r => r.PostId == postId)));
    }

    [Fact]
    public async Task UnconfirmedMember_SeesNoButtons_AndIsRefused()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Swimming is the one thing that does not hurt.");
        var member = await Members.RegisterAsync(factory);

        var page = await member.Client.GetOkAsync(path);
        var refused = await member.Client.PostAsync(Reacting.Action(postId, "support"), new Dictionary<string, string?>());

        Assert.Empty(Reacting.Buttons(page, postId));
        // Sent on to the account pages (sign in, or access denied), as with every form a member may not use yet.
        Assert.Contains("/account/", refused.Url, StringComparison.Ordinal);
        Assert.False(await ModerationState.QueryAsync(factory, db => db.PostReactions.AnyAsync(r => r.PostId == postId)));
    }

    [Fact]
    public async Task HiddenPost_IsRefusedWith404_LockedThreadStillTakesReactions()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, hiddenId) = await Moderating.ThreadWithReplyAsync(author, "Buy my supplement, link in profile.");
        var keptPage = await Compose.ReplyAsync(author, path, "A reply that stays.");
        var keptId = int.Parse(keptPage.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        await Moderating.ActAsync(moderator, hiddenId, "hide", "Advertising");
        await Moderating.ThreadActAsync(moderator, Compose.ThreadId(path), "lock", "Enough said");

        var onHidden = await member.Client.PostAsync(Reacting.Action(hiddenId, "helpful"), new Dictionary<string, string?>());
        var onKept = await Reacting.PressAsync(member, path, keptId, "helpful");

        Assert.Equal(HttpStatusCode.NotFound, onHidden.Status);
        Assert.Equal(HttpStatusCode.OK, onKept.Status);
        Assert.Equal("Helpful, 1 person", Reacting.Spoken(onKept, keptId)[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PostAsync(Reacting.Action(keptId, "dislike"), new Dictionary<string, string?>())).Status);
    }

    [Fact]
    public async Task ReactionsToOnePost_ReachItsAuthorAsOneEntry()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Three months of physio, honestly described.");
        var title = (await author.Client.GetOkAsync(path)).TextOf("h1");
        var first = await Members.RegisterConfirmedAsync(factory);
        var second = await Members.RegisterConfirmedAsync(factory);
        await Notifying.SettledAsync(factory);
        var before = await Notifying.EntriesAsync(author);

        await Reacting.PressAsync(first, path, postId, "helpful");
        Assert.Contains($"{first.DisplayName} reacted to your post in “{title}”", await Notifying.EntriesAsync(author));
        await Reacting.PressAsync(first, path, postId, "support");
        await Reacting.PressAsync(second, path, postId, "me-too");

        var entries = await Notifying.EntriesAsync(author);
        Assert.Equal(before.Count + 1, entries.Count);
        Assert.Equal($"2 people reacted to your post in “{title}”", entries[0]);
        Assert.Equal(1, await Notifying.BellAsync(author));
        var authorId = await ModerationState.UserIdAsync(factory, author.Email);
        Assert.Equal(1, await ModerationState.QueryAsync(factory, db => db.Notifications.CountAsync(n => n.RecipientId == authorId && n.PostId == postId)));
    }

    [Fact]
    public async Task CachedThreadPage_ShowsVisitorsTheNewCount()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Cold packs beat heat for me.");
        var member = await Members.RegisterConfirmedAsync(factory);
        var visitor = factory.CreateForumClient();
        await visitor.GetOkAsync(path);
        var cached = await visitor.GetOkAsync(path);
        Assert.True(cached.Response.Headers.Age is not null, "The thread page was not served from the cache.");

        await Reacting.PressAsync(member, path, postId, "support");

        Assert.Equal(["Sending support, 1 person"], Reacting.Spoken(await visitor.GetOkAsync(path), postId));
    }

    [Fact]
    public async Task ReactionsReceived_OnTheAuthorsProfile_CountOnlyPostsTheViewerMayRead()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Pacing my walks helped more than the tablets.");
        var member = await Members.RegisterConfirmedAsync(factory);
        await Reacting.PressAsync(member, path, postId, "helpful");
        await Reacting.PressAsync(member, path, postId, "me-too");
        var profile = Profiles.Profiling.PathOf(author.DisplayName);

        Assert.Equal(2, ReactionsReceived(await factory.CreateForumClient().GetOkAsync(profile)));

        var moderator = await Staff.ModeratorAsync(factory);
        await Moderating.ActAsync(moderator, postId, "hide", "Checking a claim");

        Assert.Equal(0, ReactionsReceived(await factory.CreateForumClient().GetOkAsync(profile)));
        Assert.Equal(0, ReactionsReceived(await member.Client.GetOkAsync(profile)));
        Assert.Equal(2, ReactionsReceived(await moderator.Client.GetOkAsync(profile)));
    }

    private static int ReactionsReceived(ForumClient.Page profile) =>
        int.Parse(profile.Document.QuerySelectorAll(".profile-stats div")
            .Single(d => d.QuerySelector("dt")?.TextContent == "Reactions received").QuerySelector("dd")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
}
