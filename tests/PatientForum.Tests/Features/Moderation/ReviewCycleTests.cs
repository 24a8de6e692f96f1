using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Moderation;

public sealed class ReviewCycleTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Hidden = "hidden while moderators review it";

    [Fact]
    public async Task ThreeFlags_HideThePostFromReaders_AuthorStillSeesIt_KeepBringsItBack()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"Try these pills from my shop {Guid.NewGuid():N}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, text);
        var reader = factory.CreateForumClient();

        for (var i = 0; i < 3; i++)
        {
            var flagger = await Moderating.EstablishedMemberAsync(factory);
            Assert.Equal("Thank you", (await Moderating.FlagAsync(flagger, postId, note: $"advert {i}")).TextOf("h1"));
            if (i < 2)
            {
                Assert.Contains(text, await Moderating.PostTextAsync(reader, path, postId), StringComparison.Ordinal);
            }
        }

        var anonymousView = await Moderating.PostTextAsync(reader, path, postId);
        Assert.Contains(Hidden, anonymousView, StringComparison.Ordinal);
        Assert.DoesNotContain(text, anonymousView, StringComparison.Ordinal);
        var authorView = await Moderating.PostTextAsync(author.Client, path, postId);
        Assert.Contains(text, authorView, StringComparison.Ordinal);
        Assert.Contains("Only you and the moderators can see it", authorView, StringComparison.Ordinal);

        var moderator = await Staff.ModeratorAsync(factory);
        var queue = await moderator.Client.GetOkAsync("/moderation");
        var item = queue.Document.QuerySelector($"#queue-{postId}")!;
        Assert.Equal(3, item.QuerySelectorAll("ul li").Length);
        Assert.Contains("advert 2", item.TextContent, StringComparison.Ordinal);

        await Moderating.ActAsync(moderator, postId, "keep", "Reads as a genuine recommendation");

        Assert.Contains(text, await Moderating.PostTextAsync(reader, path, postId), StringComparison.Ordinal);
        Assert.Null((await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelector($"#queue-{postId}"));
    }

    [Fact]
    public async Task HideRestoreDelete_EachChangesWhatReadersSee()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"My surgeon's home address is {Guid.NewGuid():N}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, text);
        var moderator = await Staff.ModeratorAsync(factory);
        var reader = factory.CreateForumClient();

        await Moderating.ActAsync(moderator, postId, "hide", "Personal information");
        Assert.Contains("hidden by a moderator", await Moderating.PostTextAsync(reader, path, postId), StringComparison.Ordinal);
        Assert.Contains(text, await Moderating.PostTextAsync(author.Client, path, postId), StringComparison.Ordinal);

        await Moderating.ActAsync(moderator, postId, "restore", "Address removed by the author's request");
        Assert.Contains(text, await Moderating.PostTextAsync(reader, path, postId), StringComparison.Ordinal);

        await Moderating.ActAsync(moderator, postId, "delete", "Doxxing");
        var deleted = await Moderating.PostTextAsync(reader, path, postId);
        Assert.Contains("removed by a moderator", deleted, StringComparison.Ordinal);
        Assert.DoesNotContain(text, deleted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModeratorEdit_ShowsTheNewTextMarkedAsAModeratorEdit_AndKeepsTheOldInHistory()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "Call me on 07700 900123 any time.");
        var moderator = await Staff.ModeratorAsync(factory);

        var form = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/edit");
        await moderator.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?>
        {
            ["Body"] = "Call me on [phone number removed by a moderator] any time.",
            ["Reason"] = "Phone number",
        });

        var thread = await factory.CreateForumClient().GetOkAsync(path);
        var post = thread.Document.QuerySelector($"#post-{postId}")!;
        Assert.Contains("[phone number removed by a moderator]", post.TextContent, StringComparison.Ordinal);
        Assert.Contains("edited by a moderator", post.QuerySelector(".post-edited")!.TextContent, StringComparison.Ordinal);
        var history = await moderator.Client.GetOkAsync($"/posts/{postId}/history");
        Assert.Contains("07700 900123", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockMoveAndPin_ChangeTheThreadForEveryone()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = $"Which brace after ACL surgery {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(author, "rehab", title, "Looking for advice on braces.");
        var threadId = Compose.ThreadId(path);
        var moderator = await Staff.ModeratorAsync(factory);

        await Moderating.ThreadActAsync(moderator, threadId, "lock", "Resolved");
        var lockedPage = await author.Client.GetOkAsync(path);
        Assert.Null(lockedPage.Document.QuerySelector("form.composer"));
        Assert.Contains("locked", lockedPage.Text, StringComparison.Ordinal);

        // A reply posted anyway, with a valid token, is refused and not saved.
        var refused = await author.Client.PostAsync($"/threads/{threadId}/reply", new Dictionary<string, string?> { ["Body"] = "late reply" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync($"/threads/{threadId}/reply")).Status);
        Assert.DoesNotContain("late reply", (await author.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);

        await Moderating.ThreadActAsync(moderator, threadId, "unlock", "Reopened");
        Assert.Equal(HttpStatusCode.OK, (await Compose.ReplyAsync(author, path, "Thanks, reopened.")).Status);

        var surgical = (await moderator.Client.GetOkAsync($"/moderation/threads/{threadId}"))
            .Document.QuerySelectorAll("#topicId option").First(o => o.TextContent == "Surgical referral").GetAttribute("value");
        await Moderating.ThreadActAsync(moderator, threadId, "move", "About the operation", surgical);
        Assert.Contains(title, (await factory.CreateForumClient().GetOkAsync("/t/surgical-referral")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await factory.CreateForumClient().GetOkAsync("/t/rehab")).Text, StringComparison.Ordinal);

        await Moderating.ThreadActAsync(moderator, threadId, "pin", "Useful");
        var pinned = (await factory.CreateForumClient().GetOkAsync("/t/surgical-referral")).Document.QuerySelector($"#thread-{threadId}")!;
        Assert.Equal("true", pinned.GetAttribute("data-pinned"));
    }

    [Fact]
    public async Task HidingTheOpeningPost_HidesTheThreadFromThePublic_ButNotFromModerators()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = $"Spam thread {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(author, "biologics", title, "Buy stem cells online.");
        var opening = (await author.Client.GetOkAsync(path)).Document.QuerySelector("article.post")!.Id!["post-".Length..];
        var moderator = await Staff.ModeratorAsync(factory);

        await Moderating.ActAsync(moderator, int.Parse(opening, System.Globalization.CultureInfo.InvariantCulture), "hide", "Spam");

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateForumClient().GetAsync(path)).Status);
        Assert.DoesNotContain(title, (await factory.CreateForumClient().GetOkAsync("/t/biologics")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await moderator.Client.GetAsync(path)).Status);
    }
}
