using Microsoft.Data.Sqlite;
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
        Execute($"DELETE FROM PostSearch WHERE rowid = {postId}");
        Assert.Empty(await VisitorHitsAsync(factory, word));

        var result = await ForumCommandLine.RunAsync(factory.DataDirectory, "search", "rebuild");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Search index rebuilt: \d+ posts\.", result.Output);
        Assert.Single(await VisitorHitsAsync(factory, word));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM Posts"), Scalar("SELECT COUNT(*) FROM PostSearch"));
    }

    private long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = factory.DatabaseFile, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
