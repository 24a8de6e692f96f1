using System.Collections.Concurrent;

namespace PatientForum.Tests.Features.Durability;

/// <summary>
/// The forum as its own process, 50 members replying at once, killed with SIGKILL mid-write several times:
/// every reply that was acknowledged is still there afterwards (and a SQLite database passes integrity_check).
/// </summary>
public sealed class CrashTests
{
    private const int Writers = 50;
    private const int Crashes = 3;
    private static readonly TimeSpan s_writeTime = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AcknowledgedReplies_SurviveRepeatedSigkillUnderConcurrentWriters()
    {
        await using var server = new ForumServer(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
        await server.StartAsync();
        var members = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => ForumClient.CreateConfirmedMemberAsync(server)));
        var thread = await members[0].StartThreadAsync("rehab", "Crash test thread", "Replies below must survive.");
        var threadId = int.Parse(thread.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var acknowledged = new ConcurrentBag<string>();
        var serverErrors = new ConcurrentBag<string>();

        for (var crash = 0; crash < Crashes; crash++)
        {
            using var stop = new CancellationTokenSource(s_writeTime);
            var writers = members.Select((member, i) => WriteUntilStoppedAsync(member, thread, threadId, $"c{crash}w{i}", acknowledged, serverErrors, stop.Token)).ToList();
            await Task.Delay(s_writeTime);
            await server.StopAsync();
            await Task.WhenAll(writers);
            await server.StartAsync();
        }
        await server.StopAsync();

        Assert.True(serverErrors.IsEmpty, string.Join("\n", serverErrors.Take(10)));
        Assert.True(acknowledged.Count > Writers, $"Only {acknowledged.Count} replies were acknowledged; the test did not load the forum.");
        if (!TestDatabase.IsPostgres)
        {
            Assert.Equal("ok", await server.Database.ScalarAsync<string>("PRAGMA integrity_check"));
        }
        var stored = (await server.Database.QueryAsync("""SELECT "Markdown" FROM "Posts" WHERE "ThreadId" = @thread""", reader => reader.GetString(0), ("thread", threadId)))
            .ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Where(text => !stored.Contains(text)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged replies were lost, e.g. {lost.FirstOrDefault()}");
    }

    private static async Task WriteUntilStoppedAsync(
        ForumClient member, string thread, int threadId, string tag, ConcurrentBag<string> acknowledged, ConcurrentBag<string> serverErrors, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var text = $"Durable reply {tag}n{n}";
            try
            {
                var send = await member.PrepareReplyAsync(thread, threadId, text);
                await send();
                acknowledged.Add(text);
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
}
