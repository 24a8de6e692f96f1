using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Aliases;

/// <summary>
/// Posting under a per-topic alias through the real forms: what readers see, that an alias is one per member and
/// topic and made only on posting, mentions of it, editing, and the moderators' reveal.
/// </summary>
public sealed class AliasTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Composer_InATopicThatAllowsAliases_OffersTheAlias_AndOpeningItMakesNone()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);

        var composer = await member.Client.GetOkAsync("/t/biologics/new");

        var box = composer.Document.QuerySelector("form.composer input[type=checkbox][name=UnderAlias]");
        Assert.NotNull(box);
        Assert.False(box.HasAttribute("checked"));
        Assert.Contains("Post under my alias in this topic", box.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A new alias will be created", composer.Text, StringComparison.Ordinal);
        Assert.Null(await Aliasing.AliasOfAsync(forum, memberId, "biologics"));
    }

    [Fact]
    public async Task PostUnderAlias_ThreadAndReplies_ShowTheAlias_StableInATopic_DifferentAcrossTopics()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var other = await Members.RegisterConfirmedAsync(forum);

        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Under an alias"), "My knee brace story.");
        await Compose.ReplyAsync(other, path, "Thanks for sharing.");
        await Aliasing.ReplyAsync(member, path, "Glad it helped.");
        var rehab = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        await Aliasing.StartThreadPathAsync(member, "injections", Unique("Another alias"), "My injection story.");
        var injections = (await Aliasing.AliasOfAsync(forum, memberId, "injections"))!;

        var thread = await other.Client.GetOkAsync(path);
        var authors = thread.Document.QuerySelectorAll(".post .post-author").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([rehab.DisplayName, other.DisplayName, rehab.DisplayName], authors);
        Assert.Matches("^Member [0-9]{4,}$", rehab.DisplayName);
        Assert.DoesNotContain(member.DisplayName, thread.Text, StringComparison.Ordinal);
        Assert.NotNull(thread.Document.QuerySelector(".post .post-byline .avatar, .post .post-byline [class*=avatar]"));
        Assert.NotEqual(rehab.Number, injections.Number);
        Assert.NotEqual(rehab.AliasUserId, injections.AliasUserId);
        Assert.Equal(2, await ModerationState.QueryAsync(forum, db => db.MemberAliases.CountAsync(a => a.OwnerId == memberId)));
    }

    [Fact]
    public async Task AliasPage_ListsTheAliasPosts_AndTheRealProfileOmitsThem()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var title = Unique("Alias page thread");
        await Aliasing.StartThreadPathAsync(member, "rehab", title, "Words under an alias.");
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        using var visitor = forum.CreateForumClient();

        var aliasPage = await visitor.GetOkAsync($"/a/{alias.Number}");
        var profile = await visitor.GetOkAsync($"/u/{Uri.EscapeDataString(member.DisplayName)}");
        var byName = await visitor.GetAsync($"/u/{Uri.EscapeDataString(alias.DisplayName)}");

        Assert.Equal(alias.DisplayName, aliasPage.TextOf("h1"));
        Assert.Contains(title, aliasPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, aliasPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(title, profile.Text, StringComparison.Ordinal);
        Assert.Equal($"/a/{alias.Number}", byName.Url);
    }

    [Fact]
    public async Task MentionOfTheAlias_AtMemberHyphenNumber_NotifiesTheMemberBehindIt_NamingTheAliasNotThem()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var other = await Members.RegisterConfirmedAsync(forum);
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Mention me"), "Ask me anything.");
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;

        await Compose.StartThreadAsync(other, "surgical-referral", Unique("Question"), $"What did your surgeon say, @Member-{alias.Number}?");
        await SettledAsync(forum);

        var entries = await EntriesAsync(member);
        Assert.Contains(entries, e => e.StartsWith($"{other.DisplayName} mentioned you in", StringComparison.Ordinal));
        Assert.Equal(0, await ModerationState.QueryAsync(forum, db => db.Notifications.CountAsync(n => n.RecipientId == alias.AliasUserId)));
        Assert.Contains(path, (await other.Client.GetOkAsync(path)).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyToAliasThread_NotifiesTheMemberBehindIt_AndTheirOwnAliasReplyNotifiesNobodyOfThemself()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var other = await Members.RegisterConfirmedAsync(forum);
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Watched under alias"), "Opening words.");
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        await Compose.ReplyAsync(other, path, "A reply to the alias.");
        await Aliasing.ReplyAsync(member, path, "The alias answers.");
        await SettledAsync(forum);

        Assert.Contains(await EntriesAsync(member), e => e.StartsWith($"{other.DisplayName} replied in", StringComparison.Ordinal));
        Assert.Contains(await EntriesAsync(other), e => e.StartsWith($"{alias.DisplayName} replied in", StringComparison.Ordinal));
        Assert.DoesNotContain(await EntriesAsync(member), e => e.StartsWith(alias.DisplayName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditingAnAliasedPost_KeepsTheAlias_InItsHistoryAndByline()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Edit under alias"), "First words.");
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);

        var thread = await member.Client.GetOkAsync(path);
        Assert.NotNull(thread.Document.QuerySelector($"#post-{postId} a[href='/posts/{postId}/edit']"));
        var edited = await member.Client.SubmitAsync(await member.Client.GetOkAsync($"/posts/{postId}/edit"), "form.composer",
            new Dictionary<string, string?> { ["Body"] = Canaries.PlantText("post body", "Second words.") });

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal(alias.AliasUserId, await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == postId).Select(p => p.AuthorId).SingleAsync()));
        Assert.Equal(alias.AliasUserId, await ModerationState.QueryAsync(forum, db => db.PostRevisions.Where(r => r.PostId == postId).Select(r => r.EditorId).SingleAsync()));
        var history = await (await Members.RegisterConfirmedAsync(forum)).Client.GetOkAsync($"/posts/{postId}/history");
        Assert.DoesNotContain(member.DisplayName, history.Text, StringComparison.Ordinal);
        // The Quote button quotes the author the page shows (quote.js reads the byline): the alias.
        var byline = (await (await Members.RegisterConfirmedAsync(forum)).Client.GetOkAsync(path)).TextOf($"#post-{postId} .post-author");
        Assert.Equal(alias.DisplayName, byline);
    }

    [Fact]
    public async Task Reveal_WithoutAReason_IsRefused_WithOne_IsAuditedAndTellsTheMemberNotWho()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("To be revealed"), "Words.");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        var queue = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}");
        Assert.DoesNotContain(member.DisplayName, queue.Text, StringComparison.Ordinal);
        Assert.Contains(alias.DisplayName, queue.Text, StringComparison.Ordinal);

        var refused = await moderator.Client.SubmitAsync(queue, $"form[action='/moderation/posts/{postId}/reveal']", new Dictionary<string, string?> { ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(0, await ModerationState.QueryAsync(forum, db => db.ModerationActions.CountAsync(a => a.PostId == postId)));

        var revealed = await moderator.Client.SubmitAsync(queue, $"form[action='/moderation/posts/{postId}/reveal']", new Dictionary<string, string?> { ["Reason"] = "Threats in a DM" });
        Assert.Equal(HttpStatusCode.OK, revealed.Status);
        Assert.Equal(member.DisplayName, revealed.TextOf("[data-revealed-member]"));
        var moderatorId = await ModerationState.UserIdAsync(forum, moderator.Email);
        var entry = await ModerationState.QueryAsync(forum, db => db.ModerationActions.Where(a => a.PostId == postId && a.Kind == ModerationKind.RevealAlias)
            .Select(a => new { a.ActorId, a.Reason, a.TargetUserId }).SingleAsync());
        Assert.Equal((moderatorId, "Threats in a DM", alias.AliasUserId), (entry.ActorId, entry.Reason, entry.TargetUserId));
        var told = Assert.Single(await EntriesAsync(member), e => e.Contains("looked up who writes under your alias", StringComparison.Ordinal));
        Assert.DoesNotContain(moderator.DisplayName, told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendAuthor_OfAnAliasedPost_SuspendsTheMember_AndTheLogNamesTheAlias()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Suspend the author"), "Words.");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        var queue = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}");
        // The queue offers suspend-author only: the ordinary link would suspend the alias account, which stops nobody.
        static bool IsSuspendLink(AngleSharp.Dom.IElement a) =>
            a.TextContent.StartsWith("Suspend", StringComparison.Ordinal) && a.GetAttribute("href")!.StartsWith("/moderation/users/", StringComparison.Ordinal);
        Assert.DoesNotContain(queue.Document.QuerySelectorAll("a"), IsSuspendLink);
        var ownPostId = await ModerationState.OpeningPostIdAsync(member.Client,
            await Compose.StartThreadPathAsync(member, "rehab", Unique("Under my own name"), "Words."));
        var ownQueue = await moderator.Client.GetOkAsync($"/moderation/posts/{ownPostId}");
        Assert.Contains(ownQueue.Document.QuerySelectorAll("a").Where(IsSuspendLink), a => a.GetAttribute("href") == $"/moderation/users/{memberId}");

        var done = await moderator.Client.SubmitAsync(queue, $"form[action='/moderation/posts/{postId}/suspend-author']",
            new Dictionary<string, string?> { ["Days"] = "3", ["Reason"] = "Spam" });
        var log = await moderator.Client.GetOkAsync("/moderation/log");

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.NotNull(await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedUntil).SingleAsync()));
        Assert.Null(await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == alias.AliasUserId).Select(u => u.SuspendedUntil).SingleAsync()));
        Assert.Contains(alias.DisplayName, log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, log.Text, StringComparison.Ordinal);
        var refused = await Aliasing.ReplyAsync(member, path, "Still here?");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Theory]
    [InlineData("Member 4821")]
    [InlineData("Member 82384923")]
    [InlineData("member-1O2345678")]
    public async Task DisplayName_ThatReadsAsAnAlias_IsRefusedAtRegistration(string name)
    {
        using var client = forum.CreateForumClient();
        var page = await client.RegisterAsync(Members.UniqueEmail(), name, Canaries.Password());

        Assert.Contains("how the forum shows aliases", page.Text, StringComparison.Ordinal);
    }
}
