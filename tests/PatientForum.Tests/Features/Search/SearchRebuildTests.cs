using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>The documented <c>search rebuild</c> command, run as its own process beside the running forum.</summary>
public sealed class SearchRebuildTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task SearchRebuild_AfterAnIndexEntryWasLost_FindsThePostAgain()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Rebuild me", $"Indexed before the rebuild: {word}.");
        var postId = await OpeningPostIdAsync(member, path);
        Assert.Single(await VisitorHitsAsync(factory, word));
        await LoseIndexEntryAsync(postId);
        Assert.Empty(await VisitorHitsAsync(factory, word));

        var result = await ForumCommandLine.RunAsync(factory, "search", "rebuild");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Search index rebuilt: \d+ posts\.", result.Output);
        Assert.Single(await VisitorHitsAsync(factory, word));
        Assert.Equal(0L, await UnindexedPostsAsync());
    }

    /// <summary>Removes one post from the engine's index behind the forum's back, as a damaged index would.</summary>
    private Task<int> LoseIndexEntryAsync(int postId) => TestDatabase.IsPostgres
        ? factory.Database.ExecuteAsync("""UPDATE "Posts" SET "SearchVector" = NULL WHERE "Id" = @id""", ("id", postId))
        : factory.Database.ExecuteAsync("DELETE FROM PostSearch WHERE rowid = @id", ("id", postId));

    private Task<long> UnindexedPostsAsync() => TestDatabase.IsPostgres
        ? factory.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM "Posts" WHERE "SearchVector" IS NULL""")
        : factory.Database.ScalarAsync<long>("SELECT COUNT(*) FROM Posts WHERE Id NOT IN (SELECT rowid FROM PostSearch)");
}
