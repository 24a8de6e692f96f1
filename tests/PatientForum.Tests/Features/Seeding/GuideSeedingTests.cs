using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Reading;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Seeding;

/// <summary>seed/guide/*.md becomes one pinned thread per file, and later starts bring the threads in line with the files.</summary>
public sealed class GuideSeedingTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task FirstStart_WithTheShippedSeed_CreatesOnePinnedThreadPerGuideFileInItsTopicByTheSystemAccount()
    {
        var files = GuideSeedFiles.Read();
        var visitor = factory.CreateForumClient();

        var seeded = await SeededThreadsAsync(factory.Database);
        var rowsByTopic = new Dictionary<string, IReadOnlyList<TopicRow>>();
        foreach (var topic in files.Select(f => f.Topic).Distinct())
        {
            rowsByTopic[topic] = await ReadingPages.AllTopicRowsAsync(visitor, topic);
        }

        Assert.Equal(files.Select(f => (f.Slug, f.Topic, true, true)).Order(), seeded.Order());
        foreach (var file in files)
        {
            var row = Assert.Single(rowsByTopic[file.Topic], r => r.Title == file.Title);
            Assert.True(row.IsPinned, $"'{file.Title}' is not pinned.");
            var thread = await visitor.GetOkAsync(row.Href);
            Assert.Equal("The guide’s author", thread.TextOf("article.post-opening .post-author"));
        }
    }

    [Fact]
    public async Task GuideThread_ConfirmedMemberReplies_ReplyIsShownAfterTheGuidePart()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var guide = await member.Client.GetOkAsync("/guide");
        var lastPart = guide.Document.QuerySelectorAll(".guide-list > li > a:first-child")[^1].GetAttribute("href")!;

        var after = await Compose.ReplyAsync(member, lastPart, "These resources helped me prepare questions.");

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("These resources helped me prepare questions.", ReadingPages.PostBodies(after)[^1]);
        Assert.Equal(member.DisplayName, after.TextsOf("article.post .post-author")[^1]);
    }

    [SqliteFact]
    public async Task Database_AfterStart_IsInWalMode()
    {
        factory.CreateClient().Dispose();

        Assert.Equal("wal", await factory.Database.ScalarAsync<string>("PRAGMA journal_mode;"));
    }

    /// <summary>
    /// The pool hands the same native connection out again and again; each time it must still wait for a busy
    /// writer, enforce foreign keys and sync as the forum chose.
    /// </summary>
    [SqliteFact]
    public async Task EveryConnectionTheForumOpens_KeepsItsSettings_WhenThePoolHandsItOutAgain()
    {
        for (var open = 0; open < 3; open++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "SELECT (SELECT foreign_keys FROM pragma_foreign_keys) || ' ' || (SELECT timeout FROM pragma_busy_timeout) || ' ' || (SELECT synchronous FROM pragma_synchronous)";
                Assert.Equal("1 30000 1", await command.ExecuteScalarAsync());
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [Fact]
    public async Task Restart_WithUnchangedSeed_CreatesNoDuplicateThreads()
    {
        using var installation = new SeedFolderForum();
        using (var first = installation.Start())
        {
            await first.CreateForumClient().GetOkAsync("/guide");
        }
        var before = await ThreadsPerTopicAsync(installation.Database);

        IReadOnlyList<string> guideTitles;
        using (var second = installation.Start())
        {
            guideTitles = (await second.CreateForumClient().GetOkAsync("/guide")).TextsOf(".guide-list > li > a:first-child");
        }
        var after = await ThreadsPerTopicAsync(installation.Database);

        Assert.Equal(GuideSeedFiles.Read(installation.SeedDirectory).Count, before.Values.Sum());
        Assert.Equal(before, after);
        Assert.Equal(GuideSeedFiles.Read(installation.SeedDirectory).Select(f => f.Title), guideTitles);
    }

    [Fact]
    public async Task Restart_AfterAGuideFilesBodyChanged_UpdatesItsPostAndKeepsTheOldTextInTheHistory()
    {
        using var installation = new SeedFolderForum();
        var part = installation.GuidePart("risks-and-comparison-with-other-treatments");
        var original = $"The original wording, {Guid.NewGuid():N}.";
        var revised = $"The revised wording, {Guid.NewGuid():N}.";
        GuideSeedFiles.RewriteBody(part.Path, original);
        string path;
        using (var first = installation.Start())
        {
            path = await GuidePartPathAsync(first.CreateForumClient(), part.Title);
        }
        GuideSeedFiles.RewriteBody(part.Path, revised);

        using var second = installation.Start();
        var visitor = second.CreateForumClient();
        var thread = await visitor.GetOkAsync(path);
        var opening = thread.Document.QuerySelector("article.post-opening")!;
        var history = await visitor.GetOkAsync($"/posts/{opening.Id!["post-".Length..]}/history");

        Assert.Equal(revised, opening.QuerySelector(".post-body")!.TextContent.Trim());
        Assert.Equal(revised, history.TextOf("section.revision:first-of-type .post-body"));
        Assert.Equal([original], history.TextsOf("section.revision:not(:first-of-type) .post-body"));
    }

    [Fact]
    public async Task Restart_AfterAModeratorUnpinsAndMovesAGuideThread_KeepsTheirDecisionAndAppliesTheRevisedText()
    {
        using var installation = new SeedFolderForum();
        var part = installation.GuidePart("comprehensive-pain-management-plan");
        Assert.NotEqual("biologics", part.Topic);
        var revised = $"The revised wording, {Guid.NewGuid():N}.";
        string path;
        using (var first = installation.Start())
        {
            var moderator = await Staff.ModeratorAsync(first);
            path = await GuidePartPathAsync(moderator.Client, part.Title);
            var threadId = Compose.ThreadId(path);
            var biologics = (await moderator.Client.GetOkAsync($"/moderation/threads/{threadId}"))
                .Document.QuerySelectorAll("#topicId option").First(o => o.TextContent == "Biologics").GetAttribute("value");
            await Moderating.ThreadActAsync(moderator, threadId, "unpin", "Members asked for it lower down");
            await Moderating.ThreadActAsync(moderator, threadId, "move", "It is mostly about biologics", biologics);
        }
        GuideSeedFiles.RewriteBody(part.Path, revised);

        using var second = installation.Start();
        var visitor = second.CreateForumClient();
        var biologicsRows = await ReadingPages.AllTopicRowsAsync(visitor, "biologics");
        var rehabRows = await ReadingPages.AllTopicRowsAsync(visitor, part.Topic);
        var thread = await visitor.GetOkAsync(path);

        Assert.False(Assert.Single(biologicsRows, r => r.Title == part.Title).IsPinned, $"'{part.Title}' was pinned again.");
        Assert.DoesNotContain(rehabRows, r => r.Title == part.Title);
        Assert.Equal(revised, thread.TextOf("article.post-opening .post-body"));
    }

    [Fact]
    public async Task Restart_AfterAGuideFileWithoutRepliesIsRemoved_RemovesItsThread()
    {
        using var installation = new SeedFolderForum();
        var part = installation.GuidePart("things-i-wish-i-knew-earlier");
        string path;
        using (var first = installation.Start())
        {
            path = await GuidePartPathAsync(first.CreateForumClient(), part.Title);
        }
        File.Delete(part.Path);

        using var second = installation.Start();
        var visitor = second.CreateForumClient();
        var thread = await visitor.GetAsync(path);
        var guide = await visitor.GetOkAsync("/guide");

        Assert.Equal(HttpStatusCode.NotFound, thread.Status);
        Assert.DoesNotContain(part.Title, guide.TextsOf(".guide-list > li > a:first-child"));
        Assert.Equal(GuideSeedFiles.Read(installation.SeedDirectory).Count, guide.Document.QuerySelectorAll(".guide-list > li").Length);
    }

    [Fact]
    public async Task Restart_AfterAGuideFileWithAReplyIsRemoved_KeepsTheThreadAndReplyButNotInTheGuide()
    {
        using var installation = new SeedFolderForum();
        var part = installation.GuidePart("emerging-biologic-therapies");
        string path;
        using (var first = installation.Start())
        {
            var member = await Members.RegisterConfirmedAsync(first);
            path = await GuidePartPathAsync(member.Client, part.Title);
            await Compose.ReplyAsync(member, path, "PRP did more for me than I expected.");
        }
        File.Delete(part.Path);

        using var second = installation.Start();
        var visitor = second.CreateForumClient();
        var thread = await visitor.GetOkAsync(path);
        var guide = await visitor.GetOkAsync("/guide");
        var rows = await ReadingPages.AllTopicRowsAsync(visitor, "biologics");

        Assert.Equal(part.Title, thread.TextOf("h1"));
        Assert.Equal("PRP did more for me than I expected.", ReadingPages.PostBodies(thread)[^1]);
        Assert.DoesNotContain(part.Title, guide.TextsOf(".guide-list > li > a:first-child"));
        Assert.False(Assert.Single(rows, r => r.Title == part.Title).IsPinned);
    }

    /// <summary>The thread path the guide page links for the part titled <paramref name="title"/>.</summary>
    private static async Task<string> GuidePartPathAsync(ForumClient client, string title)
    {
        var guide = await client.GetOkAsync("/guide");
        return guide.Document.QuerySelectorAll(".guide-list > li > a:first-child").Single(a => a.TextContent.Trim() == title).GetAttribute("href")!;
    }

    /// <summary>Topic slug to its number of threads, read straight from the database so that no page can hide a duplicate.</summary>
    private static async Task<Dictionary<string, long>> ThreadsPerTopicAsync(TestDatabase database) =>
        (await database.QueryAsync(
            """SELECT tp."Slug", COUNT(t."Id") FROM "Topics" tp LEFT JOIN "Threads" t ON t."TopicId" = tp."Id" GROUP BY tp."Slug" """,
            reader => (Slug: reader.GetString(0), Count: reader.GetInt64(1))))
        .ToDictionary(row => row.Slug, row => row.Count);

    /// <summary>Each seeded thread as (seed slug, topic slug, pinned, authored by a system account).</summary>
    private static Task<List<(string Slug, string Topic, bool Pinned, bool BySystem)>> SeededThreadsAsync(TestDatabase database) =>
        database.QueryAsync(
            """
            SELECT t."SeedKey", tp."Slug", t."IsPinned", u."IsSystem"
            FROM "Threads" t JOIN "Topics" tp ON tp."Id" = t."TopicId" JOIN "AspNetUsers" u ON u."Id" = t."AuthorId"
            WHERE t."SeedKey" IS NOT NULL
            """,
            reader => (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
}
