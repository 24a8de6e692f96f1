using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// Notifications with two instances on one PostgreSQL database and one Redis: both instances' workers race for every
/// post's job, each watcher is notified once all the same, and a watcher whose page is connected to the other instance
/// is told live.
/// </summary>
public sealed class NotificationScaleOutTests
{
    private const int Watchers = 5;

    [PostgresFact]
    public async Task Replies_ThroughEitherInstance_WhileBothWorkersRun_NotifyEachWatcherOnce_AndTheBellOnBIsToldLive()
    {
        using var pair = new RedisPair();
        var starter = await Members.RegisterConfirmedAsync(pair.A);
        var replier = await Members.RegisterConfirmedAsync(pair.A);
        var path = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Two instances, one bell"), "Opening.");
        var threadId = Compose.ThreadId(path);
        var watchers = new List<Member>();
        for (var i = 0; i < Watchers; i++)
        {
            var watcher = RedisPair.On(await Members.RegisterConfirmedAsync(pair.A), pair.B);
            var page = await watcher.Client.GetOkAsync(path);
            var watched = await watcher.Client.SubmitAsync(page, $"form[action='/threads/{threadId}/watch']", new Dictionary<string, string?> { ["level"] = "Watching" });
            Assert.Equal(HttpStatusCode.OK, watched.Status);
            watchers.Add(watcher);
        }
        await Task.WhenAll(SettledAsync(pair.A), SettledAsync(pair.B));
        await using var bellOnB = await LiveClient.ConnectAsync(pair.B, watchers[0].Client);
        var told = Channel.CreateUnbounded<bool>();
        bellOnB.On(nameof(IForumClient.NotificationsChanged), () => told.Writer.TryWrite(true));

        var postIds = new List<int>();
        foreach (var instance in new[] { pair.A, pair.B, pair.A })
        {
            var page = await Compose.ReplyAsync(RedisPair.On(replier, instance), path, $"A reply through one instance {Guid.NewGuid():N}");
            postIds.Add(int.Parse(page.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture));
            // The instance that saved the reply woke its own worker; wake the other's too, so both race for the job.
            WakeWorkers(pair);
            if (postIds.Count == 1)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await told.Reader.ReadAsync(timeout.Token);
                Assert.Equal(1, await bellOnB.InvokeAsync<int>("UnreadNotifications"));
            }
        }
        await Task.WhenAll(SettledAsync(pair.A), SettledAsync(pair.B));

        var watcherIds = new HashSet<string>();
        foreach (var watcher in watchers)
        {
            watcherIds.Add(await ModerationState.UserIdAsync(pair.A, watcher.Email));
        }
        var made = await ModerationState.QueryAsync(pair.A, db => db.Notifications.Where(n => postIds.Contains(n.PostId))
            .Select(n => new { n.RecipientId, n.PostId, n.Kind }).ToListAsync());
        Assert.Equal(0, await ModerationState.QueryAsync(pair.A, db => db.NotificationJobs.CountAsync()));
        Assert.All(postIds, postId => Assert.Equal(
            watcherIds.Order(StringComparer.Ordinal).ToList(),
            made.Where(n => n.PostId == postId && watcherIds.Contains(n.RecipientId)).Select(n => n.RecipientId).Order(StringComparer.Ordinal).ToList()));
        var duplicates = made.GroupBy(n => (n.RecipientId, n.PostId)).Where(g => g.Count() > 1).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} members were notified twice of one post.");
        Assert.All(made.Where(n => watcherIds.Contains(n.RecipientId)), n => Assert.Equal(NotificationKind.Reply, n.Kind));
        Assert.Equal(1, await BellAsync(watchers[^1]));
    }

    private static void WakeWorkers(RedisPair pair)
    {
        pair.A.Services.GetRequiredService<NotificationSignal>().Wake();
        pair.B.Services.GetRequiredService<NotificationSignal>().Wake();
    }
}
