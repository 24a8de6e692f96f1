using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>
/// A word found in more posts than an engine ranks at once: relevance ranks the newest matches (SQLite's window is
/// 20,000 posts, PostgreSQL's 5,000), with or without filters, so a new story is never pushed out by old ones.
/// </summary>
public sealed class SearchWindowTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    /// <summary>More posts than either engine's window.</summary>
    private const int Filler = 20_001;

    [Fact]
    public async Task Search_WordInMorePostsThanTheWindow_RanksTheNewestMatchesWhateverTheFilters()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = RareWord();
        // The oldest match is the strongest one; it lies outside the window once enough newer posts hold the word.
        var thread = await Compose.StartThreadPathAsync(member, "rehab", "A long thread about one word", string.Join(' ', Enumerable.Repeat(word, 12)));
        var oldest = await OpeningPostIdAsync(member, thread);
        await AddFillerRepliesAsync(oldest, word);
        var newest = await ReplyAsync(member, thread, $"{word} {word} {word} {word}, and that is my story.");

        foreach (var filters in (string[])["", "&topic=rehab", $"&author={Uri.EscapeDataString(member.DisplayName)}", "&from=2000-01-01"])
        {
            using var visitor = factory.CreateForumClient();
            var hits = await HitsAsync(visitor, Query(("q", word)) + filters);

            Assert.Equal(20, hits.Count);
            Assert.Equal($"/posts/{newest}", Link(hits[0]));
            Assert.DoesNotContain(hits, hit => Link(hit) == $"/posts/{oldest}");
        }
    }

    /// <summary>Many plain replies holding the word once, written straight to the database (through the search triggers).</summary>
    private async Task AddFillerRepliesAsync(int openingPostId, string word)
    {
        var threadId = await factory.Database.ScalarAsync<int>("""SELECT "ThreadId" FROM "Posts" WHERE "Id" = @id""", ("id", openingPostId));
        var authorId = await factory.Database.ScalarAsync<string>("""SELECT "AuthorId" FROM "Posts" WHERE "Id" = @id""", ("id", openingPostId));
        var markdown = $"Another day, another appointment, and {word} was mentioned again in the waiting room.";
        await factory.Database.ExecuteAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
            INSERT INTO "Posts" ("ThreadId", "AuthorId", "Markdown", "Html", "CreatedAt", "State", "EditedByModerator", "IsOpening")
            SELECT @thread, @author, @markdown, @html, @created, 0, FALSE, FALSE FROM n
            """,
            ("count", Filler), ("thread", threadId), ("author", authorId), ("markdown", markdown), ("html", $"<p>{markdown}</p>"),
            ("created", DateTime.UtcNow));
        await factory.Database.ExecuteAsync(
            """UPDATE "Threads" SET "ReplyCount" = "ReplyCount" + @count WHERE "Id" = @thread""", ("count", Filler), ("thread", threadId));
    }
}
