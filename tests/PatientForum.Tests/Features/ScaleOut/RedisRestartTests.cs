using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// Two forum processes on one PostgreSQL database and a Redis of the test's own, which is killed and started again
/// (empty, on the same port) while readers on B follow a thread that a member replies to through A. Posting must
/// not depend on Redis, and the readers must end up with every reply without anyone reloading anything.
/// </summary>
public sealed class RedisRestartTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    // StackExchange.Redis opens two connections per instance (commands and subscriptions), each with this name.
    private const string ForumClientName = "patientforum";

    [ScaleOutFact]
    public async Task RedisKilledAndRestarted_ReadersOnB_GetEveryReplyPostedThroughA_AndLiveUpdatesResume()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await FollowAcrossRestartAsync(data);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task FollowAcrossRestartAsync(string data)
    {
        using var database = TestDatabase.CreatePostgres(data);
        using var redis = await RedisProcess.StartNewAsync();
        await using var a = await StartAsync(database, redis);
        await using var b = await StartAsync(database, redis);
        using var member = await ForumClient.CreateConfirmedMemberAsync(a);
        var path = await member.StartThreadAsync("rehab", "Followed across a Redis restart", "Opening post.");
        var threadId = int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        await using var first = await ThreadFollower.FollowAsync(b, threadId);
        await using var second = await ThreadFollower.FollowAsync(b, threadId);
        ThreadFollower[] readers = [first, second];

        await ReplyAsync(member, path, threadId, "Before the restart");
        await ShownToAllAsync(readers, "Before the restart", a, b);

        redis.Stop();
        var whileDown = new[] { "While Redis was down, one", "While Redis was down, two", "While Redis was down, three" };
        foreach (var text in whileDown)
        {
            await ReplyAsync(member, path, threadId, text);
        }
        await redis.StartAsync();
        await WaitUntilAsync(async () => await redis.ClientsNamedAsync(ForumClientName) >= 4,
            "Both instances did not reconnect to Redis.", a, b);
        foreach (var text in whileDown)
        {
            await ShownToAllAsync(readers, text, a, b);
        }
        await WaitUntilAsync(() => Task.FromResult(readers.All(reader => reader.IsConnected)), "The readers did not reconnect.", a, b);
        await ReplyAsync(member, path, threadId, "After Redis came back");
        await ShownToAllAsync(readers, "After Redis came back", a, b);

        Assert.All(readers, reader => Assert.True(reader.Shows("Before the restart"), "The first reply was not pushed live."));
        Assert.All(readers, reader => Assert.True(reader.Shows("After Redis came back"), "Live updates did not resume once Redis was back."));
    }

    /// <summary>Replies through A; the POST must succeed (2xx) whether or not Redis answers.</summary>
    private static async Task ReplyAsync(ForumClient member, string path, int threadId, string text)
    {
        var send = await member.PrepareReplyAsync(path, threadId, text);
        await send();
    }

    private static Task ShownToAllAsync(IEnumerable<ThreadFollower> readers, string text, ForumServer a, ForumServer b) =>
        WaitUntilAsync(() => Task.FromResult(readers.All(reader => reader.Shows(text) is not null)),
            $"\"{text}\" did not reach every reader on B, live or by catching up.", a, b);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure, params ForumServer[] servers)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{failure} (waited {s_wait.TotalSeconds} s)\n{string.Join("\n", servers.Select((s, i) => $"== log of {(char)('A' + i)} ==\n{s.Log}"))}");
            }
            await Task.Delay(100);
        }
    }

    private static Task<ForumServer> StartAsync(TestDatabase database, RedisProcess redis) =>
        ForumServer.StartNewAsync(new Dictionary<string, string>
        {
            // A home of its own, as on separate machines.
            ["HOME"] = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "home-" + Guid.NewGuid().ToString("N"))).FullName,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__Redis"] = redis.ConnectionString,
        }, database);
}
