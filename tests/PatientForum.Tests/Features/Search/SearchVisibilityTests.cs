using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>The index follows moderation and edits at once: hidden posts leave it, edited text replaces the old.</summary>
public sealed class SearchVisibilityTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Search_PostHiddenByModerator_IsNoLongerFoundByVisitors()
    {
        var (word, postId) = await SearchableReplyAsync();
        var moderator = await Staff.ModeratorAsync(factory);
        Assert.Single(await VisitorHitsAsync(factory, word));

        var hidden = await Moderating.ActAsync(moderator, postId, "hide", "Off topic");

        Assert.Equal(System.Net.HttpStatusCode.OK, hidden.Status);
        var page = await PageAsync(factory.CreateForumClient(), Query(("q", word)));
        Assert.Empty(Hits(page));
        Assert.NotNull(page.Document.QuerySelector("p.search-empty"));
    }

    [Fact]
    public async Task Search_ModeratorWithHiddenTrue_FindsHiddenPostAndWithoutItDoesNot()
    {
        var (word, postId) = await SearchableReplyAsync();
        var moderator = await Staff.ModeratorAsync(factory);
        await Moderating.ActAsync(moderator, postId, "hide", "Off topic");

        var withHidden = await HitsAsync(moderator.Client, Query(("q", word), ("hidden", "true")));
        var without = await HitsAsync(moderator.Client, Query(("q", word)));

        var hit = Assert.Single(withHidden);
        Assert.Equal($"/posts/{postId}", Link(hit));
        Assert.Contains("Hidden", hit.QuerySelector("p.muted")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(without);
    }

    [Fact]
    public async Task Search_MemberWithHiddenTrue_DoesNotFindHiddenPost()
    {
        var (word, postId) = await SearchableReplyAsync();
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        await Moderating.ActAsync(moderator, postId, "hide", "Off topic");

        var page = await PageAsync(member.Client, Query(("q", word), ("hidden", "true")));

        Assert.Empty(Hits(page));
        Assert.Null(page.Document.QuerySelector("input[name=hidden]"));
    }

    [Fact]
    public async Task Search_OpeningPostHidden_AlsoHidesTheThreadsReplies()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Thread to hide {Guid.NewGuid().ToString("N")[..8]}", $"Opening with {word}.");
        await ReplyAsync(author, path, $"Reply with {word}.");
        var openingId = await OpeningPostIdAsync(author, path);
        var moderator = await Staff.ModeratorAsync(factory);
        Assert.Equal(2, (await VisitorHitsAsync(factory, word)).Count);

        await Moderating.ActAsync(moderator, openingId, "hide", "Whole thread off topic");

        Assert.Empty(await VisitorHitsAsync(factory, word));
    }

    [Fact]
    public async Task Search_AfterAuthorEditsPost_FindsTheNewWordAndNotTheRemovedOne()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (before, after) = (RareWord(), RareWord());
        var path = await Compose.StartThreadPathAsync(author, "injections", $"Edited reply thread {Guid.NewGuid().ToString("N")[..8]}", "Opening.");
        var replyId = await ReplyAsync(author, path, $"My first try said {before}.");
        Assert.Single(await VisitorHitsAsync(factory, before));

        await EditAsync(author, replyId, title: null, body: $"On reflection it was {after}.");

        Assert.Empty(await VisitorHitsAsync(factory, before));
        var hit = Assert.Single(await VisitorHitsAsync(factory, after));
        Assert.Equal($"/posts/{replyId}", Link(hit));
    }

    [Fact]
    public async Task Search_AfterOpeningPostTitleEdited_FindsTheThreadByItsNewTitle()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (oldTitleWord, newTitleWord, replyWord) = (RareWord(), RareWord(), RareWord());
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Called {oldTitleWord} at first", "A body that stays the same.");
        var openingId = await OpeningPostIdAsync(author, path);
        await ReplyAsync(author, path, $"A reply saying {replyWord}.");
        Assert.Single(await VisitorHitsAsync(factory, oldTitleWord));

        await EditAsync(author, openingId, title: $"Renamed {newTitleWord} later", body: null);

        var hit = Assert.Single(await VisitorHitsAsync(factory, newTitleWord));
        Assert.Equal($"/posts/{openingId}", Link(hit));
        Assert.Equal($"Renamed {newTitleWord} later", Title(hit));
        Assert.Empty(await VisitorHitsAsync(factory, oldTitleWord));
        Assert.Equal($"Renamed {newTitleWord} later", Title(Assert.Single(await VisitorHitsAsync(factory, replyWord))));
    }

    /// <summary>A new thread with a reply containing a word of its own; returns the word and the reply's id.</summary>
    private async Task<(string Word, int PostId)> SearchableReplyAsync()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Moderated thread {Guid.NewGuid().ToString("N")[..8]}", "An opening post.");
        return (word, await ReplyAsync(author, path, $"A reply that mentions {word}."));
    }
}
