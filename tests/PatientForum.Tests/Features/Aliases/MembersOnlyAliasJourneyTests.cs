using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.AccountDeletion;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Aliases;

/// <summary>
/// Issue 19's "done means", walked as a member would: a members-only thread posted under an alias cannot be found
/// signed out by any link, list, search or feed; another member reads it and sees only the alias; a moderator reveals
/// the author with a reason, and the audit log shows it.
/// </summary>
public sealed class MembersOnlyAliasJourneyTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task MembersOnlyThreadUnderAnAlias_HiddenFromVisitors_AliasOnlyForMembers_RevealLogged()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var authorId = await ModerationState.UserIdAsync(forum, author.Email);
        var reader = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var word = Deleting.UniqueWord("privatestory");
        var title = $"Only for members {Deleting.UniqueWord("title")}";
        var composer = await author.Client.GetOkAsync("/t/rehab/new");
        var posted = await author.Client.SubmitAsync(composer, Compose.NewThreadForm, new Dictionary<string, string?>
        {
            ["Title"] = title, ["Body"] = Canaries.PlantText("post body", $"What I tell members only {word}."), ["Audience"] = "Members", ["UnderAlias"] = "true",
        });
        Assert.StartsWith("/threads/", posted.Url, StringComparison.Ordinal);
        var path = posted.Url;
        var threadId = Compose.ThreadId(path);
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);
        var alias = (await Aliasing.AliasOfAsync(forum, authorId, "rehab"))!;
        var secrets = new[] { title, word, author.DisplayName, authorId, alias.DisplayName };

        // Signed out: no link, list, search or feed gives it away.
        using var visitor = forum.CreateForumClient();
        foreach (var link in new[] { path, $"/threads/{threadId}", $"/posts/{postId}", $"/posts/{postId}/history" })
        {
            var refused = await visitor.GetAsync(link);
            Assert.True(refused.Status is HttpStatusCode.Unauthorized, $"{link} answered {refused.Status}");
            AssertShowsNone(link, refused.Text, secrets);
        }
        foreach (var query in new[] { word, title, alias.DisplayName, author.DisplayName })
        {
            // The page repeats what was searched for; nothing else of the thread may be on it, and no result.
            var found = await visitor.GetOkAsync($"/search?q={Uri.EscapeDataString(query)}");
            Assert.Empty(found.Document.QuerySelectorAll(".search-results > li"));
            AssertShowsNone($"search for {query}", found.Text, secrets.Where(s => !query.Contains(s, StringComparison.OrdinalIgnoreCase)));
        }
        var lists = new[]
        {
            "/", "/t/rehab", "/feed.rss", "/feed.atom", "/t/rehab/feed.rss",
            $"/threads/{threadId}/feed.rss", "/sitemap.xml", "/sitemaps/threads-1.xml", $"/a/{alias.Number}", $"/u/{Uri.EscapeDataString(author.DisplayName)}",
        };
        foreach (var list in lists)
        {
            var page = await visitor.GetAsync(list);
            // The alias's page names the alias and the member's profile the member (each is its own address), nothing else.
            var own = list.StartsWith("/a/", StringComparison.Ordinal) ? alias.DisplayName : list.StartsWith("/u/", StringComparison.Ordinal) ? author.DisplayName : null;
            AssertShowsNone(list, page.Text, secrets.Where(s => s != own));
        }

        // Another member reads it, and sees the alias only.
        var read = await reader.Client.GetOkAsync(path);
        Assert.Contains(word, read.TextOf($"#post-{postId} .post-body"), StringComparison.Ordinal);
        Assert.Equal(alias.DisplayName, read.TextOf($"#post-{postId} .post-author"));
        AssertShowsNone(path, read.Text, [author.DisplayName, authorId]);
        Assert.Contains(title, (await reader.Client.GetOkAsync($"/search?q={word}")).Text, StringComparison.Ordinal);

        // A moderator reveals the author with a reason; the audit log shows who, when and why, and the member is told.
        var queue = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}");
        AssertShowsNone("the review page", queue.Text, [author.DisplayName, authorId]);
        var revealed = await moderator.Client.SubmitAsync(queue, $"form[action='/moderation/posts/{postId}/reveal']",
            new Dictionary<string, string?> { ["Reason"] = "Worrying words, checking on them" });
        Assert.Equal(author.DisplayName, revealed.TextOf("[data-revealed-member]"));
        var log = await moderator.Client.GetOkAsync("/moderation/log");
        var row = log.Document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Worrying words, checking on them", StringComparison.Ordinal));
        Assert.Contains(nameof(ModerationKind.RevealAlias), row.TextContent, StringComparison.Ordinal);
        Assert.Contains(moderator.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(alias.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(author.DisplayName, log.Text, StringComparison.Ordinal);
        var moderatorId = await ModerationState.UserIdAsync(forum, moderator.Email);
        Assert.True(await ModerationState.QueryAsync(forum, db => db.ModerationActions.AnyAsync(
            a => a.Kind == ModerationKind.RevealAlias && a.PostId == postId && a.ActorId == moderatorId && a.TargetUserId == alias.AliasUserId)));
        var told = Assert.Single(await EntriesAsync(author), e => e.Contains("looked up who writes under your alias", StringComparison.Ordinal));
        Assert.DoesNotContain(moderator.DisplayName, told, StringComparison.Ordinal);
    }

    private static void AssertShowsNone(string where, string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} shows {secret}");
        }
    }
}
