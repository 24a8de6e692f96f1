using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Live;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Safety;

/// <summary>
/// A post held for review is never there for anyone but its author and the moderators: not when a moderator then hides
/// it (no "hidden" notice for a post the public never saw, on the page or live), and not in the catch-up a page makes
/// after a reconnect, which brings it to its author and the moderators as the thread page does.
/// </summary>
public sealed class HeldPostReadersTests
{
    [Fact]
    public async Task HeldReply_HiddenByAModerator_LeavesNoNoticeForOthers_AndItsAuthorAndModeratorsStillSeeIt()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, HeldPostTests.HoldPhones());
        var (author, other, moderator) = (await Staff.MemberAsync(forum), await Staff.MemberAsync(forum), await forum.StaffAsync("moderator"));
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Held then hidden {Guid.NewGuid():N}", "An opening post.");
        var replyId = Search.Searching.LastPostId(await Compose.ReplyAsync(author, path, "Ring me on 07700 900123, my knee is the same."));
        await using var visitorLive = await LiveClient.ConnectAsync(forum);
        var heard = new ConcurrentQueue<int>();
        visitorLive.On<PostFragment>(nameof(IForumClient.PostUpdated), post => heard.Enqueue(post.PostId));
        visitorLive.On<PostFragment>(nameof(IForumClient.PostAdded), post => heard.Enqueue(post.PostId));
        var pushes = new LivePushes(visitorLive);
        await visitorLive.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(path));

        await Moderating.ActAsync(moderator, replyId, "hide", "Not for the forum");
        // Pushes come in order: once a later public reply is heard, a notice for the hidden one would have been too.
        await Compose.ReplyAsync(other, path, "A reply everyone may read, after the hide.");
        await pushes.WaitForAsync("A reply everyone may read");

        Assert.DoesNotContain(replyId, heard);
        foreach (var reader in new[] { forum.CreateForumClient(), other.Client })
        {
            var page = await reader.GetOkAsync(path);
            Assert.Null(page.Document.QuerySelector($"#post-{replyId}"));
            Assert.DoesNotContain("hidden by a moderator", page.Text, StringComparison.Ordinal);
        }
        foreach (var reader in new[] { author.Client, moderator.Client })
        {
            var post = (await reader.GetOkAsync(path)).Document.QuerySelector($"#post-{replyId}")!;
            Assert.Contains("hidden by a moderator", post.TextContent, StringComparison.Ordinal);
            Assert.Contains("07700 900123", post.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CatchUp_AfterAReconnect_BringsAHeldReplyToItsAuthorAndModerators_AndToNobodyElse()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, HeldPostTests.HoldPhones());
        var (author, other, moderator) = (await Staff.MemberAsync(forum), await Staff.MemberAsync(forum), await forum.StaffAsync("moderator"));
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Held catch-up {Guid.NewGuid():N}", "An opening post.");
        var word = $"zq{Guid.NewGuid():N}"[..14];
        var replyId = Search.Searching.LastPostId(await Compose.ReplyAsync(author, path, $"Ring me on 07700 900123 about {word}."));
        var readers = new (ForumClient? Client, bool SeesIt)[] { (author.Client, true), (moderator.Client, true), (other.Client, false), (null, false) };

        foreach (var (client, seesIt) in readers)
        {
            await using var hub = await LiveClient.ConnectAsync(forum, client);
            var posts = await hub.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), Compose.ThreadId(path), 0);

            if (seesIt)
            {
                var held = Assert.Single(posts, p => p.PostId == replyId);
                Assert.Contains("Awaiting review", held.Html, StringComparison.Ordinal);
                Assert.Contains(word, held.Html, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(posts, p => p.PostId == replyId);
                Assert.DoesNotContain(word, string.Concat(posts.Select(p => p.Html)), StringComparison.Ordinal);
            }
        }
    }
}
