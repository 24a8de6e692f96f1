using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PatientForum.Benchmarks;

/// <summary>
/// Figure 4: signed-in members posting replies as fast as the forum takes them, each through the real form (its
/// antiforgery token and sign-in cookie), against a raw ADO.NET insert loop into the same SQLite file.
/// </summary>
public static class ReplyLoad
{
    private const string Body = """
        Three weeks after the second injection the pain in my shoulder finally eased enough to sleep on that side.
        My physiotherapist kept the exercises gentle at first, then added resistance bands. The thing that helped
        most was writing down each day how far I could lift my arm, so I could see progress on bad days.
        """;

    /// <summary>Replies per second and their latency, with the count of answers other than the redirect to the thread.</summary>
    public sealed record Result(double RepliesPerSecond, Latency Latency, int Failures);

    public static async Task<List<ForumClient>> SignInMembersAsync(ForumServer server, int users)
    {
        var members = new List<ForumClient>();
        for (var i = 0; i < users; i++)
        {
            members.Add(await ForumClient.CreateConfirmedMemberAsync(server));
        }
        return members;
    }

    /// <summary>
    /// wrk posts the reply form for every member in turn, with that member's cookies and form token, from as many
    /// connections as there are members: a load generator in C leaves the forum the CPU that a .NET client would
    /// take from it on the same two cores. Each post carries a fresh submission token, so none is a resubmission;
    /// the rate is the replies the database gained, not the answers counted.
    /// </summary>
    public static async Task<Result> RunAsync(ForumServer server, IReadOnlyList<ForumClient> members, IReadOnlyList<string> threadPaths,
        TimeSpan duration, TimeSpan warmUp)
    {
        var lua = new StringBuilder("local members = {\n");
        for (var i = 0; i < members.Count; i++)
        {
            var path = threadPaths[i % threadPaths.Count];
            var token = await members[i].FormTokenAsync(path);
            var form = $"Body={Uri.EscapeDataString(Body)}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
            lua.Append(CultureInfo.InvariantCulture, $"  {{ path = {Wrk.LuaString($"/threads/{path.Split('/')[2]}/reply")}, ")
                .Append(CultureInfo.InvariantCulture, $"cookie = {Wrk.LuaString(members[i].Cookies.GetCookieHeader(new Uri(server.BaseUrl)))}, ")
                .Append(CultureInfo.InvariantCulture, $"form = {Wrk.LuaString(form)} }},\n");
        }
        lua.Append("""
            }
            local n, counter, prefix = 0, 0, ""
            init = function(args)
              -- Each wrk thread has a Lua state of its own: seed it from this table's address so their tokens differ.
              math.randomseed(os.time() + tonumber(string.sub(tostring({}), 10), 16) % 1000003)
              prefix = string.format("%08x-%04x-4%03x-a%03x-", math.random(0, 2147483647), math.random(0, 65535),
                math.random(0, 4095), math.random(0, 4095))
            end
            request = function()
              n = n % #members + 1
              counter = counter + 1
              local m = members[n]
              return wrk.format("POST", m.path, { ["Cookie"] = m.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
                m.form .. "&SubmissionToken=" .. prefix .. string.format("%012x", counter))
            end
            """);
        var database = Path.Combine(server.DataDirectory, "forum.db");
        await Wrk.RunScriptAsync(server.BaseUrl, lua.ToString(), members.Count, warmUp);
        var before = await PostCountAsync(database);
        var watch = Stopwatch.StartNew();
        var measured = await Wrk.RunScriptAsync(server.BaseUrl, lua.ToString(), members.Count, duration);
        var seconds = watch.Elapsed.TotalSeconds;
        var saved = await PostCountAsync(database) - before;
        return new Result(saved / seconds, new Latency((int)saved, measured.P50, double.NaN, measured.P99, double.NaN), (int)measured.Errors);
    }

    private static async Task<long> PostCountAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Posts";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The ceiling: one connection inserting rows shaped like a reply into a scratch table of the same file, one
    /// transaction per row (as each reply is), with the forum's journal settings (WAL, synchronous=NORMAL).
    /// </summary>
    public static async Task<double> RawInsertsPerSecondAsync(string database, TimeSpan duration)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE IF NOT EXISTS BenchmarkReplies (Id INTEGER PRIMARY KEY, ThreadId INTEGER NOT NULL, AuthorId TEXT NOT NULL,
                    Markdown TEXT NOT NULL, Html TEXT NOT NULL, CreatedAt TEXT NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO BenchmarkReplies (ThreadId, AuthorId, Markdown, Html, CreatedAt) VALUES ($thread, $author, $markdown, $html, $created)";
        var thread = insert.Parameters.Add("$thread", SqliteType.Integer);
        insert.Parameters.AddWithValue("$author", Guid.NewGuid().ToString());
        insert.Parameters.AddWithValue("$markdown", Body);
        insert.Parameters.AddWithValue("$html", "<p>" + Body + "</p>");
        var created = insert.Parameters.Add("$created", SqliteType.Text);
        var rows = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            thread.Value = rows % 1000;
            created.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
            rows++;
        }
        return rows / watch.Elapsed.TotalSeconds;
    }
}
