using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Live;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Safety;

/// <summary>
/// A rule set to Hold (<c>Forum:Safety:Rules:PhoneNumber</c>): a post its author posts anyway is saved, but only its
/// author and the moderators see it, anywhere, until a moderator approves it; the queue says why it waits.
/// </summary>
public sealed class HeldPostTests
{
    internal static Dictionary<string, string?> HoldPhones() => new() { ["Forum:Safety:Rules:PhoneNumber"] = "Hold" };

    [Fact]
    public async Task HeldReply_IsSeenByItsAuthorAndModeratorsOnly_UntilApproved()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, HoldPhones());
        var (author, other, moderator) = (await Staff.MemberAsync(forum), await Staff.MemberAsync(forum), await forum.StaffAsync("moderator"));
        var title = $"Held reply thread {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(author, "rehab", title, "An opening post with nothing personal.");
        var word = $"zq{Guid.NewGuid():N}"[..14];
        await using var visitorLive = await LiveClient.ConnectAsync(forum);
        var visitorHeard = new LivePushes(visitorLive);
        await visitorLive.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(path));

        var own = await Compose.ReplyAsync(author, path, $"Ring me on 07700 900123 about {word}, my knee is the same.");
        var replyId = int.Parse(own.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        // A later public reply is pushed after the held one would have been: hearing it means the held one was not sent.
        await Compose.ReplyAsync(other, path, "A reply everyone may read, after the held one.");
        await visitorHeard.WaitForAsync("A reply everyone may read");

        Assert.Contains("Awaiting review", own.Document.QuerySelector($"#post-{replyId}")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(visitorHeard.Heard());
        foreach (var reader in new[] { forum.CreateForumClient(), other.Client })
        {
            Assert.Null((await reader.GetOkAsync(path)).Document.QuerySelector($"#post-{replyId}"));
            Assert.Empty((await reader.GetOkAsync($"/search?q={word}")).Document.QuerySelectorAll("li.search-hit"));
            Assert.DoesNotContain(word, (await reader.GetOkAsync($"/u/{Uri.EscapeDataString(author.DisplayName)}")).Text, StringComparison.Ordinal);
        }
        var row = (await forum.CreateForumClient().GetOkAsync("/t/rehab")).Document.QuerySelectorAll(".thread-row").Single(r => r.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Contains("1 reply ", row.TextContent, StringComparison.Ordinal);
        var queue = await moderator.Client.GetOkAsync("/moderation");
        var item = queue.Document.QuerySelector($"#queue-{replyId}")!;
        Assert.Contains("Held for review: posted anyway past the warning about phone number.", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Safety check", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await moderator.Client.GetOkAsync(path)).Document.QuerySelector($"#post-{replyId}"));

        await Moderating.ActAsync(moderator, replyId, "approve", "Their own number, their choice");

        await visitorHeard.WaitForAsync(word);
        Assert.Single(await Search.Searching.VisitorHitsAsync(forum, word));
        Assert.Contains(word, (await forum.CreateForumClient().GetOkAsync(path)).Document.QuerySelector($"#post-{replyId}")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelector($"#queue-{replyId}"));
    }

    [Fact]
    public async Task HeldThread_IsInNoListForOthers_AndItsAuthorSeesItAwaitingReview()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, HoldPhones());
        var (author, other) = (await Staff.MemberAsync(forum), await Staff.MemberAsync(forum));
        var title = $"Held thread {Guid.NewGuid():N}";

        var page = await Compose.StartThreadAsync(author, "rehab", title, "My number is 07700 900123 if anyone wants to talk it through.");

        Assert.Contains("Awaiting review", page.TextOf("article.post-opening .post-notice"), StringComparison.Ordinal);
        foreach (var reader in new[] { forum.CreateForumClient(), other.Client })
        {
            Assert.DoesNotContain(title, (await reader.GetOkAsync("/t/rehab")).Text, StringComparison.Ordinal);
            Assert.True((await reader.GetAsync(page.Url)).Status is System.Net.HttpStatusCode.NotFound);
        }
    }
}
