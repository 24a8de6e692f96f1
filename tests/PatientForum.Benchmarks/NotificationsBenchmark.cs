using System.Diagnostics;
using System.Globalization;

namespace PatientForum.Benchmarks;

/// <summary>
/// What watchers cost the member who replies: reply latency in a thread nobody else watches against one with
/// 5,000 watchers, in one run on one forum, and how long the fan-out worker takes to make all 5,000 notifications of
/// one reply. The watchers are written straight into the database (registering 5,000 members through the form would
/// only measure password hashing). Prints figures and their ratio; asserts nothing.
/// </summary>
public static class NotificationsBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var watchers = options.Number("watchers", 5000);
        var replies = options.Number("replies", 50);
        await using var forum = new ForumServer(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
        await forum.StartAsync();
        using var author = await ForumClient.CreateConfirmedMemberAsync(forum);
        var quiet = await author.StartThreadAsync("rehab", "A thread nobody else watches", "Opening post.");
        var busy = await author.StartThreadAsync("rehab", "A thread many members watch", "Opening post.");
        await AddWatchersAsync(forum, ThreadId(busy), watchers);
        Console.WriteLine($"Notifications: {replies} replies in a thread with no other watcher, then in one with {watchers} watchers, {Environment.ProcessorCount} cores");

        var alone = await ReplyLatencyAsync(author, quiet, replies);
        Console.WriteLine($"  reply, no other watcher:      {alone}");
        var watched = await ReplyLatencyAsync(author, busy, replies);
        Console.WriteLine($"  reply, {watchers} watchers:       {watched}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  median ratio (watched / alone): {watched.P50 / alone.P50:F2}"));

        // The fan-out of the replies above may still be running; wait for it, then time one more on its own.
        await WaitForAsync(forum, "SELECT COUNT(*) FROM \"NotificationJobs\"", 0, TimeSpan.FromMinutes(30));
        var clock = Stopwatch.StartNew();
        await (await author.PrepareReplyAsync(busy, ThreadId(busy), "One more reply, timed until every watcher has its notification."))();
        var posted = clock.Elapsed;
        var last = await forum.Database.ScalarAsync<long>("SELECT MAX(\"Id\") FROM \"Posts\"");
        await WaitForAsync(forum, $"SELECT COUNT(*) FROM \"Notifications\" WHERE \"PostId\" = {last}", watchers, TimeSpan.FromMinutes(10));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one reply: answered in {posted.TotalMilliseconds:F0} ms; all {watchers} notifications made {clock.Elapsed.TotalSeconds:F2} s after it was sent"));
        await forum.StopAsync();
        return 0;
    }

    private static async Task<Latency> ReplyLatencyAsync(ForumClient author, string thread, int count)
    {
        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var send = await author.PrepareReplyAsync(thread, ThreadId(thread), $"Benchmark reply number {i}.");
            var watch = Stopwatch.StartNew();
            await send();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Latency.From(samples);
    }

    /// <summary>Confirmed members who watch the thread, inserted in one statement each for users and watches.</summary>
    private static async Task AddWatchersAsync(ForumServer forum, int threadId, int count)
    {
        const string numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count) ";
        await forum.Database.ExecuteAsync(numbers + """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "NormalizedDisplayName",
                "CreatedAt", "IsSystem", "AutoWatch", "ReplyMail", "MentionMail", "ModerationMail", "MailIncludesText")
            SELECT 'watcher-' || i, 'watcher' || i || '@example.org', 'WATCHER' || i || '@EXAMPLE.ORG', 'watcher' || i || '@example.org',
                'WATCHER' || i || '@EXAMPLE.ORG', TRUE, FALSE, FALSE, TRUE, 0, 'Watcher ' || i, 'WATCHER ' || i,
                '2026-01-01 00:00:00', FALSE, TRUE, 2, TRUE, TRUE, FALSE
            FROM n
            """, ("count", count));
        await forum.Database.ExecuteAsync(numbers + """
            INSERT INTO "ThreadWatches" ("UserId", "ThreadId", "Level", "ChangedAt")
            SELECT 'watcher-' || i, @thread, 1, '2026-01-01 00:00:00' FROM n
            """, ("count", count), ("thread", threadId));
    }

    private static async Task WaitForAsync(ForumServer forum, string countSql, long expected, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (await forum.Database.ScalarAsync<long>(countSql) != expected)
        {
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Still not {expected} after {limit.TotalMinutes} minutes: {countSql}");
            }
            await Task.Delay(20);
        }
    }

    private static int ThreadId(string threadPath) => int.Parse(threadPath.Split('/')[2], CultureInfo.InvariantCulture);
}
