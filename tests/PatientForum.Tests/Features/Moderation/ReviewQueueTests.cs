using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// The review cycle, beyond <see cref="ReviewCycleTests"/>: acting from the queue page itself, the exact
/// notices readers get, locking and pinning as the topic page shows them, and a hidden thread's author.
/// </summary>
public sealed class ReviewQueueTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task KeepOnTheQueuePage_AfterAutoHide_ReturnsToTheQueue_WithThePostBackForReaders()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"My honest review of the clinic {Guid.NewGuid():N}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, text);
        for (var i = 0; i < 3; i++)
        {
            await Moderating.FlagAsync(await Moderating.EstablishedMemberAsync(factory), postId, "Harassment");
        }
        var moderator = await Staff.ModeratorAsync(factory);
        var queue = await moderator.Client.GetOkAsync("/moderation");
        Assert.Contains("AutoHidden", queue.Document.QuerySelector($"#queue-{postId}")!.TextContent, StringComparison.Ordinal);

        var after = await moderator.Client.SubmitAsync(queue, $"form[action^='/moderation/posts/{postId}/keep']", new Dictionary<string, string?> { ["Reason"] = "Fair criticism" });

        Assert.Equal("/moderation", after.Url);
        Assert.Null(after.Document.QuerySelector($"#queue-{postId}"));
        var post = (await factory.CreateForumClient().GetOkAsync(path)).Document.QuerySelector($"#post-{postId}")!;
        Assert.Contains(text, post.TextContent, StringComparison.Ordinal);
        Assert.Null(post.QuerySelector(".post-notice"));
    }

    [Fact]
    public async Task HideRestoreDelete_ShowReadersTheExactNotices_AndHideClearsTheQueue()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"Here is my neighbour's phone number {Guid.NewGuid():N}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, text);
        await Moderating.FlagAsync(await Members.RegisterConfirmedAsync(factory), postId, "PersonalInformation");
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);

        var queue = await moderator.Client.GetOkAsync("/moderation");
        var afterHide = await moderator.Client.SubmitAsync(queue, $"form[action^='/moderation/posts/{postId}/hide']", new Dictionary<string, string?> { ["Reason"] = "Phone number" });
        Assert.Null(afterHide.Document.QuerySelector($"#queue-{postId}"));
        Assert.Equal("This post was hidden by a moderator.", await NoticeAsync(factory.CreateForumClient(), path, postId));
        Assert.Equal("This post was hidden by a moderator.", await NoticeAsync(member.Client, path, postId));
        Assert.Contains(text, await Moderating.PostTextAsync(author.Client, path, postId), StringComparison.Ordinal);
        Assert.Contains(text, await Moderating.PostTextAsync(moderator.Client, path, postId), StringComparison.Ordinal);

        await Moderating.ActAsync(moderator, postId, "restore", "Number was fake");
        Assert.Null(await NoticeAsync(factory.CreateForumClient(), path, postId));
        Assert.Contains(text, await Moderating.PostTextAsync(member.Client, path, postId), StringComparison.Ordinal);

        await Moderating.ActAsync(moderator, postId, "delete", "It was real after all");
        Assert.Equal("This post was removed by a moderator.", await NoticeAsync(factory.CreateForumClient(), path, postId));
        Assert.DoesNotContain(text, await Moderating.PostTextAsync(member.Client, path, postId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockAndUnlock_ChangeTheThreadPageTheReplyPageAndTheTopicRow()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Knee brace questions {Guid.NewGuid():N}", "Which one?");
        var threadId = Compose.ThreadId(path);
        var moderator = await Staff.ModeratorAsync(factory);

        await Moderating.ThreadActAsync(moderator, threadId, "lock", "Answered");

        var thread = await factory.CreateForumClient().GetOkAsync(path);
        Assert.Contains("This thread is locked: it takes no new replies.", thread.TextsOf("p.notice"));
        Assert.Equal("Locked", TopicRow(await factory.CreateForumClient().GetOkAsync("/t/rehab"), threadId).QuerySelector(".badge")?.TextContent);
        var replyPage = await author.Client.GetAsync($"/threads/{threadId}/reply");
        Assert.Equal(HttpStatusCode.Forbidden, replyPage.Status);
        Assert.Equal("This thread is locked", replyPage.TextOf("h1"));
        Assert.Contains("Locked.", (await moderator.Client.GetOkAsync($"/moderation/threads/{threadId}")).Text, StringComparison.Ordinal);

        await Moderating.ThreadActAsync(moderator, threadId, "unlock", "One more question came up");

        var reopened = await author.Client.GetOkAsync(path);
        Assert.DoesNotContain("This thread is locked: it takes no new replies.", reopened.TextsOf("p.notice"));
        Assert.NotNull(reopened.Document.QuerySelector("form.composer"));
        Assert.Null(TopicRow(await factory.CreateForumClient().GetOkAsync("/t/rehab"), threadId).QuerySelector(".badge"));
    }

    [Fact]
    public async Task PinAndUnpin_PutTheThreadAboveNewerActivityAndBack()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(author, "surgical-referral", $"Questions to ask the surgeon {Guid.NewGuid():N}", "A list."));
        var newerId = Compose.ThreadId(await Compose.StartThreadPathAsync(author, "surgical-referral", $"A newer thread {Guid.NewGuid():N}", "Newer activity."));
        var moderator = await Staff.ModeratorAsync(factory);

        await Moderating.ThreadActAsync(moderator, threadId, "pin", "Useful for everyone");

        var pinned = await factory.CreateForumClient().GetOkAsync("/t/surgical-referral");
        Assert.True(Position(pinned, threadId) < Position(pinned, newerId), "A pinned thread is listed above newer activity.");
        Assert.Equal("Pinned", TopicRow(pinned, threadId).QuerySelector(".badge")?.TextContent);
        Assert.Equal("true", TopicRow(pinned, threadId).GetAttribute("data-pinned"));

        await Moderating.ThreadActAsync(moderator, threadId, "unpin", "Out of date");

        var unpinned = await factory.CreateForumClient().GetOkAsync("/t/surgical-referral");
        Assert.True(Position(unpinned, threadId) > Position(unpinned, newerId), "Once unpinned, the older thread goes below newer activity.");
        Assert.Equal("false", TopicRow(unpinned, threadId).GetAttribute("data-pinned"));
        Assert.Null(TopicRow(unpinned, threadId).QuerySelector(".badge"));
    }

    [Fact]
    public async Task HidingTheOpeningPost_LeavesTheThreadToItsAuthorAndModerators_OnlyTheyFindItInTheTopic()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = $"Selling my leftover PRP kits {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(author, "biologics", title, "Cheap, unopened.");
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);

        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), "hide", "Selling");

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateForumClient().GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(path)).Status);
        Assert.DoesNotContain(title, (await member.Client.GetOkAsync("/t/biologics")).Text, StringComparison.Ordinal);
        Assert.Contains("hidden from the public", (await author.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
        Assert.Contains(title, (await author.Client.GetOkAsync("/t/biologics")).Text, StringComparison.Ordinal);
        Assert.Contains(title, (await moderator.Client.GetOkAsync("/t/biologics")).Text, StringComparison.Ordinal);
    }

    private static async Task<string?> NoticeAsync(ForumClient client, string threadPath, int postId) =>
        (await client.GetOkAsync(threadPath)).Document.QuerySelector($"#post-{postId} .post-notice")?.TextContent.Trim();

    private static int Position(ForumClient.Page topic, int threadId) =>
        topic.Document.QuerySelectorAll("li.thread-row").Select(r => r.Id).ToList().IndexOf($"thread-{threadId}");

    private static AngleSharp.Dom.IElement TopicRow(ForumClient.Page topic, int threadId) =>
        topic.Document.QuerySelector($"#thread-{threadId}") ?? throw new InvalidOperationException($"Thread {threadId} is not listed on {topic.Url}.");
}
