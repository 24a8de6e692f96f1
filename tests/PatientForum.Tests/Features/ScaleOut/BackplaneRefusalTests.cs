using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// Live updates when Redis refuses part of what the backplane asks, while every connection stays up, as happens
/// around an outage: one side's link is back and the other's is not yet. The forum must recover by itself once
/// Redis answers, without anyone reloading.
/// </summary>
public sealed class BackplaneRefusalTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// SignalR's Redis backplane counts a connection in a group before it subscribes and subscribes only for the
    /// first one, so a join whose subscription Redis refused would leave the thread's group counted but never
    /// subscribed on that instance: every later reader there would join "successfully" and wait for nothing.
    /// </summary>
    [ScaleOutFact]
    public Task JoinRefusedByRedis_ThenAccepted_EveryReaderGetsTheNextReplyLive() =>
        WithForumAsync(JoinRefusedThenAcceptedAsync);

    /// <summary>
    /// A reply saved while Redis refused its publication must still reach pages that stayed connected (on another
    /// instance, whose link never dropped, nothing would make them catch up).
    /// </summary>
    [ScaleOutFact]
    public Task PublishRefusedByRedis_ThenAccepted_TheReplyStillArrivesLive() =>
        WithForumAsync(PublishRefusedThenAcceptedAsync);

    private static async Task PublishRefusedThenAcceptedAsync(ForumServer forum, RedisProcess redis)
    {
        using var member = await ForumClient.CreateConfirmedMemberAsync(forum);
        var path = await member.StartThreadAsync("rehab", "Replied while Redis refused to publish", "Opening post.");
        var threadId = int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        await using var reader = await ThreadFollower.FollowAsync(forum, threadId);

        await redis.RefusePublishingAsync();
        await Compose(member, path, threadId, "Saved while Redis refused to publish");
        await redis.AllowPublishingAsync();
        await WaitUntilAsync(() => reader.Shows("Saved while Redis refused to publish") is not null, "The reply never reached the open page.", forum);

        Assert.True(reader.Shows("Saved while Redis refused to publish"), "The reply arrived only by catching up after a reconnect.");
    }

    private static async Task WithForumAsync(Func<ForumServer, RedisProcess, Task> test)
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var database = TestDatabase.Create(data);
            using var redis = await RedisProcess.StartNewAsync();
            await using var forum = await ForumServer.StartNewAsync(new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Warning",
                ["Forum__Redis"] = redis.ConnectionString,
            }, database);
            await test(forum, redis);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task JoinRefusedThenAcceptedAsync(ForumServer forum, RedisProcess redis)
    {
        using var member = await ForumClient.CreateConfirmedMemberAsync(forum);
        var path = await member.StartThreadAsync("rehab", "Joined while Redis refused", "Opening post.");
        var threadId = int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

        // Two pages of the thread are open; Redis refuses subscriptions as they join.
        await using var first = await ThreadFollower.ConnectAsync(forum, threadId);
        await using var second = await ThreadFollower.ConnectAsync(forum, threadId);
        await redis.RefuseSubscriptionsAsync();
        Assert.False(await first.TryJoinAsync(), "The join succeeded although Redis refused the subscription.");
        await second.TryJoinAsync();

        await redis.AllowSubscriptionsAsync();
        ThreadFollower[] readers = [first, second];
        await WaitUntilAsync(() => readers.All(reader => reader.IsFollowing), "The readers did not follow the thread again.", forum);
        await Compose(member, path, threadId, "Posted once Redis accepted subscriptions");
        await WaitUntilAsync(() => readers.All(reader => reader.Shows("Posted once Redis accepted subscriptions") is not null),
            "The reply did not reach every reader.", forum);

        Assert.All(readers, reader => Assert.True(reader.Shows("Posted once Redis accepted subscriptions"),
            "The reply reached a reader only by catching up, not live: its join left the thread's group unsubscribed."));
    }

    private static async Task Compose(ForumClient member, string path, int threadId, string text)
    {
        var send = await member.PrepareReplyAsync(path, threadId, text);
        await send();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure, ForumServer server)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{failure} (waited {s_wait.TotalSeconds} s)\n{server.Log}");
            }
            await Task.Delay(100);
        }
    }
}
