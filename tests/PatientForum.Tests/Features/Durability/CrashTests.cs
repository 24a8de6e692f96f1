using System.Collections.Concurrent;

namespace PatientForum.Tests.Features.Durability;

/// <summary>
/// The forum as its own process, 20 members replying at once, killed with SIGKILL mid-write several times:
/// every reply that was acknowledged is still there afterwards (and a SQLite database passes integrity_check).
/// </summary>
public sealed class CrashTests
{
    private const int Writers = 20;
    private const int Crashes = 3;
    /// <summary>
    /// Acknowledged replies in each round before the kill: four a writer, so every writer is past its first reply
    /// and the forum is busy, however long a just-started process takes to warm up on this machine.
    /// </summary>
    private const int RepliesPerRound = 4 * Writers;
    /// <summary>Only a safety net, for a forum that stopped acknowledging replies.</summary>
    private static readonly TimeSpan s_roundLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task AcknowledgedReplies_SurviveRepeatedSigkillUnderConcurrentWriters()
    {
        // On SQLite the server keeps its database in its own folder; on PostgreSQL the test makes the database, to
        // open it with a longer connection timeout (see Settings).
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.IsPostgres ? TestDatabase.CreatePostgres(data) : null;
        await using var server = new ForumServer(Settings(database), database);
        await server.StartAsync();
        var members = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => ForumClient.CreateConfirmedMemberAsync(server)));
        var thread = await members[0].StartThreadAsync("rehab", "Crash test thread", "Replies below must survive.");
        var threadId = int.Parse(thread.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var acknowledged = new ConcurrentBag<string>();
        var serverErrors = new ConcurrentBag<string>();

        for (var crash = 0; crash < Crashes; crash++)
        {
            var round = new Round(RepliesPerRound);
            using var stop = new CancellationTokenSource();
            var writers = members.Select((member, i) => WriteUntilStoppedAsync(member, thread, threadId, $"c{crash}w{i}", round, acknowledged, serverErrors, stop.Token)).ToList();
            var allStopped = Task.WhenAll(writers);
            var first = await Task.WhenAny(round.Loaded, allStopped, Task.Delay(s_roundLimit));
            await server.StopAsync();
            await stop.CancelAsync();
            await allStopped;
            Assert.True(first == round.Loaded, $"Round {crash + 1}: only {round.Count} of {RepliesPerRound} replies were acknowledged "
                + (first == allStopped ? "before every writer had stopped" : $"in {s_roundLimit.TotalMinutes} minutes")
                + $"; server errors: {string.Join("; ", serverErrors.Take(5))}\n{server.Log[^Math.Min(4000, server.Log.Length)..]}");

            // Serving again, the thread included, before the next round's writers start.
            await server.StartAsync();
            using var visitor = ForumClient.Visitor(server);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await visitor.GetAsync(thread)).Status);
        }
        await server.StopAsync();

        Assert.True(serverErrors.IsEmpty, string.Join("\n", serverErrors.Take(10)));
        if (!TestDatabase.IsPostgres)
        {
            Assert.Equal("ok", await server.Database.ScalarAsync<string>("PRAGMA integrity_check"));
        }
        var stored = (await server.Database.QueryAsync("""SELECT "Markdown" FROM "Posts" WHERE "ThreadId" = @thread""", reader => reader.GetString(0), ("thread", threadId)))
            .ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Where(text => !stored.Contains(text)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged replies were lost, e.g. {lost.FirstOrDefault()}");
        Directory.Delete(data, recursive: true);
    }

    private static Dictionary<string, string> Settings(TestDatabase? database)
    {
        var settings = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        if (database is not null)
        {
            // Twenty writers open their connections at once after every restart; on a busy machine PostgreSQL may take
            // longer than Npgsql's default 15 s to let them all in, and a refused connection is not what this tests.
            settings["ConnectionStrings__Forum"] = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 120 }.ToString();
        }
        return settings;
    }

    private static async Task WriteUntilStoppedAsync(
        ForumClient member, string thread, int threadId, string tag, Round round, ConcurrentBag<string> acknowledged, ConcurrentBag<string> serverErrors,
        CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var text = $"Durable reply {tag}n{n}";
            try
            {
                var send = await member.PrepareReplyAsync(thread, threadId, text);
                await send();
                acknowledged.Add(text);
                round.Acknowledged();
            }
            catch (HttpRequestException ex) when (ex.StatusCode is >= System.Net.HttpStatusCode.InternalServerError)
            {
                serverErrors.Add($"{text}: {(int)ex.StatusCode!}");
            }
            catch (HttpRequestException ex) when (ex.StatusCode is not null)
            {
                serverErrors.Add($"{text}: {(int)ex.StatusCode}");
                return;
            }
            catch (HttpRequestException)
            {
                // The server was killed mid-request: this reply was never acknowledged, so it may or may not exist.
                return;
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Counts one round's acknowledged replies, and says when there are enough to kill the forum.</summary>
    private sealed class Round(int target)
    {
        private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task Loaded => _loaded.Task;

        public void Acknowledged()
        {
            if (Interlocked.Increment(ref _count) >= target)
            {
                _loaded.TrySetResult();
            }
        }
    }
}
