using System.Globalization;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Search;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// <c>db copy --to-postgres</c>, run as a process as the scale-out guide tells an operator to: a SQLite forum with
/// members, staff, threads, edits, flags, moderation and contact messages moves to an empty PostgreSQL database,
/// and a forum started there carries on as before.
/// </summary>
public sealed class DatabaseCopyTests(SqliteSourceForum source) : IClassFixture<SqliteSourceForum>
{
    private string? _sourceFile;

    [ScaleOutFact]
    public async Task DbCopy_IntoAnEmptyPostgresDatabase_CopiesEveryTableAndTheForumCarriesOnThere()
    {
        var author = await Members.RegisterConfirmedAsync(source);
        var flagger = await Members.RegisterConfirmedAsync(source);
        var moderator = await Staff.ModeratorAsync(source);
        var rareWord = Searching.RareWord();
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Moving house {Guid.NewGuid():N}", $"My physio calls it {rareWord}.");
        var edited = await Searching.ReplyAsync(author, path, "Week one: walking with a stick.");
        await Searching.EditAsync(author, edited, null, "Week one: walking with a stick, then without.");
        var hidden = await Searching.ReplyAsync(flagger, path, "Buy my miracle cream.");
        await Moderating.FlagAsync(author, hidden, "Spam", "An advert.");
        await Moderating.FlagAsync(flagger, edited, "OffTopic");
        await Moderating.ActAsync(moderator, hidden, "hide", "Advertising before the move");
        await SubmitContactAsync(source, "Please move my account too.");
        var sourceLog = await AuditLogAsync(moderator.Client);
        using var target = TestDatabase.CreatePostgres(source.DataDirectory);
        var stopped = await StoppedForumAsync();

        var result = await ForumCommandLine.RunAsync(stopped, SqliteSourceForum.CommandLineSettings, "db", "copy", "--to-postgres", target.ConnectionString);

        Assert.True(result.ExitCode == 0, result.ToString());
        var tables = TableNames();
        var sourceCounts = await SourceCountsAsync(tables);
        var targetCounts = await TargetCountsAsync(target, tables);
        Assert.Equal(sourceCounts, targetCounts);
        foreach (var table in new[] { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "Topics", "Threads", "Posts", "PostRevisions", "Flags",
            "ModerationActions", "ContactSubmissions", "OutboxMessages", "DataProtectionKeys" })
        {
            Assert.True(sourceCounts[table] > 0, $"The source forum has no rows in {table}, so the copy of that table proves nothing.");
            Assert.Matches($@"(?m)^\s*{table}\s+{sourceCounts[table]}\s*$", result.Output);
        }
        const string Users = """SELECT "Id", "Email", "DisplayName", "PasswordHash", "SecurityStamp" FROM "AspNetUsers" ORDER BY "Id" """;
        const string Posts = """SELECT "Id", "ThreadId", "AuthorId", "State", "Markdown" FROM "Posts" ORDER BY "Id" """;
        Assert.Equal(await SourceRowsAsync(Users), await target.QueryAsync(Users, Row));
        Assert.Equal(await SourceRowsAsync(Posts), await target.QueryAsync(Posts, Row));
        Assert.Equal(0L, await target.ScalarAsync<long>("""SELECT count(*) FROM "Posts" WHERE "SearchVector" IS NULL"""));

        using var moved = new PostgresTargetForum(target);
        Assert.Equal(System.Net.HttpStatusCode.OK, await StatusWithCookieAsync(moved, "/moderation/log", moderator.Client.CookieHeader));
        var movedModerator = await SignInAsync(moved, moderator);
        Assert.Equal(sourceLog, await AuditLogAsync(movedModerator.Client));
        var movedAuthor = await SignInAsync(moved, author);
        var lastCopied = (long)(await SourceRowsAsync("""SELECT max("Id") FROM "Posts" """)).Single()[0]!;
        var replied = await Compose.ReplyAsync(movedAuthor, path, "Written after the move.");
        Assert.True(replied.Status == System.Net.HttpStatusCode.OK, $"Replying after the move answered {(int)replied.Status}.");
        var newReply = Searching.LastPostId(replied);
        Assert.True(newReply > lastCopied, $"The new reply got id {newReply}, not one after the copied posts.");
        Assert.Contains("Written after the move.", (await movedAuthor.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
        var hit = Assert.Single(await Searching.VisitorHitsAsync(moved, rareWord));
        Assert.Equal($"/posts/{await Searching.OpeningPostIdAsync(movedAuthor, path)}", Searching.Link(hit));
    }

    [ScaleOutFact]
    public async Task DbCopy_IntoADatabaseThatHoldsAForum_IsRefusedAndChangesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(source);
        await Compose.StartThreadPathAsync(member, "rehab", "Stays on SQLite", "This must not reach the other forum.");
        using var target = TestDatabase.CreatePostgres(source.DataDirectory);
        using var existing = new PostgresTargetForum(target);
        var resident = await Members.RegisterConfirmedAsync(existing);
        await Compose.StartThreadPathAsync(resident, "rehab", "Already here", "The forum that was here first.");
        var tables = TableNames();
        var before = await TargetCountsAsync(target, tables);

        var result = await CopyAsync(target);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("already holds forum data", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TargetCountsAsync(target, tables));
        Assert.Equal(0L, await target.ScalarAsync<long>("""SELECT count(*) FROM "AspNetUsers" WHERE "Email" = @email""", ("email", member.Email)));
    }

    [ScaleOutFact]
    public async Task DbCopy_FromAForumConfiguredForPostgres_IsRefusedBeforeTouchingTheTarget()
    {
        var data = Directory.CreateDirectory(Path.Combine(source.DataDirectory, "postgres-source")).FullName;
        using var postgresForum = TestDatabase.CreatePostgres(data);
        using var target = TestDatabase.CreatePostgres(data);

        var result = await ForumCommandLine.RunAsync(data, postgresForum.EnvironmentSettings, "db", "copy", "--to-postgres", target.ConnectionString);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("reads a SQLite forum", result.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await target.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    private Task<CommandResult> CopyAsync(TestDatabase target) =>
        ForumCommandLine.RunAsync(source.DataDirectory, SqliteSourceForum.CommandLineSettings, "db", "copy", "--to-postgres", target.ConnectionString);

    /// <summary>Every table of the model, so a table added later is compared without changing this test.</summary>
    private List<string> TableNames()
    {
        using var scope = source.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ForumDbContext>().Model.GetEntityTypes()
            .Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private async Task<Dictionary<string, long>> SourceCountsAsync(List<string> tables)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = (long)(await SourceRowsAsync($"""SELECT count(*) FROM "{table}" """)).Single()[0]!;
        }
        return counts;
    }

    private static async Task<Dictionary<string, long>> TargetCountsAsync(TestDatabase target, List<string> tables)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await target.ScalarAsync<long>($"""SELECT count(*) FROM "{table}" """);
        }
        return counts;
    }

    /// <summary>
    /// The guide has the operator stop the forum before copying it; the fixture's forum keeps running for the other
    /// tests (and its background work may still write), so the copy is made from a consistent snapshot of its file,
    /// in a data folder of its own, and compared with that snapshot.
    /// </summary>
    private async Task<string> StoppedForumAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(source.DataDirectory, "stopped-" + Guid.NewGuid().ToString("N"))).FullName;
        _sourceFile = Path.Combine(folder, "forum.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source.SqliteFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $file";
        command.Parameters.AddWithValue("$file", _sourceFile);
        await command.ExecuteNonQueryAsync();
        return folder;
    }

    /// <summary>Rows of the source's SQLite file (the snapshot once there is one), read directly: on the PostgreSQL run the factory's own database is not that file.</summary>
    private async Task<List<object?[]>> SourceRowsAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _sourceFile ?? source.SqliteFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Row(reader));
        }
        return rows;
    }

    /// <summary>A row as plain values, numbers widened to long, so SQLite's and PostgreSQL's rows compare equal.</summary>
    private static object?[] Row(System.Data.Common.DbDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount)
            .Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i) is int or long or short ? Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture) : reader.GetValue(i))
            .ToArray();

    private static async Task<Member> SignInAsync(ForumFactory forum, Member member)
    {
        // Staff have two-factor on, so this also shows their authenticator keys came along.
        var client = forum.CreateForumClient();
        var page = await Members.SignInAsync(client, member);
        Assert.Equal(member.DisplayName, page.TextOf(".signed-in-as strong"));
        return member with { Client = client };
    }

    /// <summary>A request carrying another forum's cookies, as a browser would after the move: they hold only if the key ring came along.</summary>
    private static async Task<System.Net.HttpStatusCode> StatusWithCookieAsync(ForumFactory forum, string path, string cookieHeader)
    {
        using var http = forum.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task SubmitContactAsync(ForumFactory forum, string message)
    {
        using var visitor = forum.CreateForumClient();
        var form = await visitor.GetOkAsync("/contact");
        var sent = await visitor.SubmitAsync(form, "form[action='/contact']", new Dictionary<string, string?>
        {
            ["Name"] = "Moving member",
            ["Email"] = Members.UniqueEmail("contact"),
            ["Subject"] = "Question",
            ["Message"] = message,
        });
        Assert.StartsWith("/contact/thanks/", sent.Url, StringComparison.Ordinal);
    }

    /// <summary>The audit log page, each row's time as its exact title (the visible text is relative, "2 minutes ago").</summary>
    private static async Task<List<string>> AuditLogAsync(ForumClient client)
    {
        var log = await client.GetOkAsync("/moderation/log");
        return log.Document.QuerySelectorAll("tbody tr")
            .Select(row => string.Join(" | ", row.QuerySelectorAll("td").Select(Cell)))
            .ToList();

        static string Cell(IElement cell) => cell.QuerySelector("time")?.GetAttribute("title") ?? cell.TextContent.Trim();
    }
}
