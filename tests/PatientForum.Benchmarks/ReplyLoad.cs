using System.Diagnostics;
using System.Globalization;
using System.Net;
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

    public static async Task<List<ForumSession>> SignInMembersAsync(ForumServer server, int users)
    {
        var members = new List<ForumSession>();
        for (var i = 0; i < users; i++)
        {
            members.Add(await ForumSession.CreateConfirmedMemberAsync(server));
        }
        return members;
    }

    public static async Task<Result> RunAsync(ForumServer server, IReadOnlyList<ForumSession> members, IReadOnlyList<string> threadPaths, TimeSpan duration)
    {
        var samples = new List<double>();
        var failures = 0;
        var senders = new List<Func<Task<bool>>>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < members.Count; i++)
        {
            var path = threadPaths[i % threadPaths.Count];
            var threadId = path.Split('/')[2];
            var token = await members[i].FormTokenAsync(path);
            // No redirect following: a browser would next load the thread page, which is the read figures' business.
            var http = new HttpClient(new HttpClientHandler { CookieContainer = members[i].Cookies, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(server.BaseUrl),
            };
            clients.Add(http);
            senders.Add(async () =>
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Body"] = Body,
                    ["SubmissionToken"] = Guid.NewGuid().ToString(),
                    ["__RequestVerificationToken"] = token,
                });
                using var response = await http.PostAsync(new Uri($"/threads/{threadId}/reply", UriKind.Relative), content);
                return response.StatusCode == HttpStatusCode.Redirect;
            });
        }

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(senders.Select(send => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await send();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (samples)
                {
                    samples.Add(elapsed);
                    failures += ok ? 0 : 1;
                }
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        clients.ForEach(c => c.Dispose());
        return new Result((samples.Count - failures) / seconds, Latency.From(samples), failures);
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
