using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Drafts;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Profiles;
using PatientForum.Tests.Features.Reactions;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.DataExport.Exporting;

namespace PatientForum.Tests.Features.AccountDeletion;

/// <summary>
/// Issue 18's "done means", walked as a member would: they write, react and leave a draft, export their data and find
/// all of it in the ZIP, then delete the account with "erase"; afterwards their name and the phrases of their posts are
/// found nowhere: not in a page a visitor is served (each cached before the deletion), not in search, not in the
/// database's text columns or the search index.
/// </summary>
public sealed class MemberDataJourneyTests
{
    [Fact]
    public async Task WriteReactDraftExport_ThenErase_LeavesTheNameAndTheWordsNowhere()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await Staff.MemberAsync(forum);
        var other = await Staff.MemberAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var (opening, reply, draft) = (Deleting.UniqueWord("kneestory"), Deleting.UniqueWord("mytip"), Deleting.UniqueWord("unsent"));

        // The member writes, reacts and leaves a draft.
        var ownPath = await Compose.StartThreadPathAsync(member, "rehab", $"My knee {opening}", $"How my knee healed {opening}.");
        var ownOpening = await ModerationState.OpeningPostIdAsync(member.Client, ownPath);
        var otherPath = await Compose.StartThreadPathAsync(other, "rehab", "Another member's question", "What helped you?");
        var otherOpening = await ModerationState.OpeningPostIdAsync(other.Client, otherPath);
        var replyId = await Profiling.ReplyAsync(member, otherPath, $"Cold packs helped me {reply}.");
        (await Reacting.PressAsync(member, otherPath, otherOpening, "support")).EnsureSuccess();
        (await Drafting.SaveByButtonAsync(member, "/t/rehab/new", $"Half a thought {draft}", "A draft title")).EnsureSuccess();

        // Visitors have read (and the cache holds) the pages, and search finds the words.
        using var visitor = forum.CreateForumClient();
        var pages = new[] { ownPath, otherPath, "/", "/t/rehab", $"/posts/{replyId}", "/feed.rss", "/t/rehab/feed.rss", Profiling.PathOf(member.DisplayName) };
        foreach (var path in pages)
        {
            await visitor.GetOkAsync(path);
        }
        Assert.NotEmpty(Results(await visitor.GetOkAsync($"/search?q={opening}")));
        Assert.NotEmpty(Results(await visitor.GetOkAsync($"/search?q={reply}")));

        // The export holds all of it.
        await PrepareAsync(member);
        await SettledAsync(forum);
        using var response = await member.Client.Http.GetAsync(new Uri(DownloadPath(smtp, member.Email), UriKind.Relative));
        var files = await FilesAsync(response);
        var posts = Json(files, "posts.json").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt32(), p => Text(p, "markdown"));
        Assert.Equal([ownOpening, replyId], posts.Keys.Order());
        Assert.Contains(opening, posts[ownOpening], StringComparison.Ordinal);
        Assert.Contains(reply, posts[replyId], StringComparison.Ordinal);
        Assert.Equal($"My knee {opening}", Text(Assert.Single(Json(files, "threads.json").EnumerateArray()), "title"));
        var reaction = Assert.Single(Json(files, "reactions.json").EnumerateArray());
        Assert.Equal((otherOpening, "Support"), (reaction.GetProperty("postId").GetInt32(), Text(reaction, "kind")));
        Assert.Contains(draft, Text(Assert.Single(Json(files, "drafts.json").EnumerateArray()), "body"), StringComparison.Ordinal);
        foreach (var word in new[] { opening, reply, draft })
        {
            Assert.Contains(word, files["index.html"], StringComparison.Ordinal);
        }

        var done = await Deleting.DeleteAccountAsync(member, "erase");

        Assert.Equal("Your account is deleted", done.TextOf("h1"));
        var secrets = new[] { member.DisplayName, member.Email, opening, reply, draft };
        foreach (var secret in secrets)
        {
            Assert.Empty(await DatabaseScan.FindAsync(forum, secret));
            Assert.Empty(Results(await visitor.GetOkAsync($"/search?q={Uri.EscapeDataString(secret)}")));
        }
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync(ownPath)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/posts/{replyId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Profiling.PathOf(member.DisplayName))).Status);
        foreach (var path in new[] { otherPath, "/", "/t/rehab", "/feed.rss", "/t/rehab/feed.rss", "/sitemap.xml", "/sitemaps/threads-1.xml" })
        {
            var page = await visitor.GetAsync(path);
            foreach (var secret in secrets)
            {
                Assert.False(page.Text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} still shows {secret}");
            }
        }
        Assert.False(await ModerationState.QueryAsync(forum, db => db.MemberExports.AnyAsync(e => e.UserId == memberId)));
    }

    private static List<AngleSharp.Dom.IElement> Results(ForumClient.Page page) =>
        page.Document.QuerySelectorAll(".search-results > li").ToList();
}
