using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Profiles;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.AccountDeletion;

namespace PatientForum.Tests.Features.AccountDeletion;

/// <summary>
/// An author deletes their own post with the button under it: a stub for readers at once, Undo for the author for
/// Forum:Posts:UndoDeleteHours (24), then the cleanup purges it for good. The forum's clock is fake, moved by hand.
/// </summary>
public sealed class PostDeletionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ForumFactory _forum;

    public PostDeletionTests() => _forum = new ForumFactory { Clock = _time };

    public void Dispose() => _forum.Dispose();

    [Fact]
    public async Task Delete_ThenUndoWithinUndoHours_ReadersSeeTheStubThenThePostAgain()
    {
        var (author, threadPath, replyId, word) = await ReplyInOthersThreadAsync();
        var visitor = _forum.CreateForumClient();

        await Deleting.PressAsync(author, threadPath, replyId, "delete");
        var stub = await visitor.GetOkAsync(threadPath);
        Assert.Equal("This post was deleted by its author.", stub.TextOf($"#post-{replyId} .post-notice"));
        Assert.DoesNotContain(word, stub.Text, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromHours(23));
        await Deleting.PressAsync(author, threadPath, replyId, "undelete");

        Assert.Contains(word, (await visitor.GetOkAsync(threadPath)).TextOf($"#post-{replyId} .post-body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AfterUndoHours_CleanupPurgesText_PermalinkAndLoneThreadAnswer410()
    {
        var (author, threadPath, replyId, word) = await ReplyInOthersThreadAsync();
        var alone = Deleting.UniqueWord("alone");
        var lonelyPath = await Compose.StartThreadPathAsync(author, "rehab", "A thread nobody answered", $"Only mine {alone}.");
        var lonelyOpening = await ModerationState.OpeningPostIdAsync(author.Client, lonelyPath);
        await Deleting.PressAsync(author, threadPath, replyId, "delete");
        await Deleting.PressAsync(author, lonelyPath, lonelyOpening, "delete");

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5));
        var cleanup = _forum.Services.GetServices<IHostedService>().OfType<PostDeletionCleanup>().Single();
        await cleanup.WhenCheckedAsync(_time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(await DatabaseScan.FindAsync(_forum, word));
        Assert.Empty(await DatabaseScan.FindAsync(_forum, alone));
        var visitor = _forum.CreateForumClient();
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/posts/{replyId}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync(lonelyPath)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/posts/{lonelyOpening}")).Status);
        Assert.Equal("This post was deleted by its author.", (await visitor.GetOkAsync(threadPath)).TextOf($"#post-{replyId} .post-notice"));
        Assert.Null((await author.Client.GetOkAsync(threadPath)).Document.QuerySelector($"#post-{replyId} form[action$='/undelete']"));
    }

    [Fact]
    public async Task Delete_AliasedPosts_AfterUndoHours_ArePurgedLikeAnyOther_AndTheStubNamesNobody()
    {
        var starter = await Members.RegisterConfirmedAsync(_forum);
        var author = await Members.RegisterConfirmedAsync(_forum);
        var threadPath = await Compose.StartThreadPathAsync(starter, "rehab", "Someone else's thread", "Their opening words.");
        var (word, alone) = (Deleting.UniqueWord("aliasregret"), Deleting.UniqueWord("aliasalone"));
        var replied = await Aliases.Aliasing.ReplyAsync(author, threadPath, $"Aliased words I take back {word}.");
        var replyId = Deleting.IdOf(replied.Document.QuerySelectorAll("article.post")[^1].Id!);
        var lonelyPath = await Aliases.Aliasing.StartThreadPathAsync(author, "rehab", $"Aliased and alone {alone}", $"Only mine {alone}.");
        var lonelyOpening = await ModerationState.OpeningPostIdAsync(author.Client, lonelyPath);
        await Deleting.PressAsync(author, threadPath, replyId, "delete");
        await Deleting.PressAsync(author, lonelyPath, lonelyOpening, "delete");

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5));
        var cleanup = _forum.Services.GetServices<IHostedService>().OfType<PostDeletionCleanup>().Single();
        await cleanup.WhenCheckedAsync(_time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(await DatabaseScan.FindAsync(_forum, word));
        Assert.Empty(await DatabaseScan.FindAsync(_forum, alone));
        var visitor = _forum.CreateForumClient();
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/posts/{replyId}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync(lonelyPath)).Status);
        var page = await visitor.GetOkAsync(threadPath);
        Assert.Equal("This post was deleted by its author.", page.TextOf($"#post-{replyId} .post-notice"));
        Assert.DoesNotContain(author.DisplayName, page.Text, StringComparison.Ordinal);
        Assert.Null((await author.Client.GetOkAsync(threadPath)).Document.QuerySelector($"#post-{replyId} form[action$='/undelete']"));
    }

    [Fact]
    public async Task Delete_SomeoneElsesPost_IsRefused()
    {
        var (_, threadPath, replyId, word) = await ReplyInOthersThreadAsync();
        var stranger = await Members.RegisterConfirmedAsync(_forum);

        var refused = await stranger.Client.PostAsync($"/posts/{replyId}/delete", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains(word, (await _forum.CreateForumClient().GetOkAsync(threadPath)).Text, StringComparison.Ordinal);
    }

    private async Task<(Member Author, string ThreadPath, int ReplyId, string Word)> ReplyInOthersThreadAsync()
    {
        var starter = await Members.RegisterConfirmedAsync(_forum);
        var author = await Members.RegisterConfirmedAsync(_forum);
        var threadPath = await Compose.StartThreadPathAsync(starter, "rehab", "Someone else's thread", "Their opening words.");
        var word = Deleting.UniqueWord("regret");
        var replyId = await Profiling.ReplyAsync(author, threadPath, $"Words I will take back {word}.");
        return (author, threadPath, replyId, word);
    }
}
