using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.MembersOnly.MembersOnlyThreads;

namespace PatientForum.Tests.Features.MembersOnly;

/// <summary>
/// The bulk-reading watch, on a clock the test moves: past Forum:MembersOnly:ReadsPerWindow members-only pages in a
/// window an account is answered 429 and reported to the moderators once; the next window it reads again.
/// </summary>
public sealed class ReadingWatchTests(ReadingWatchTests.WatchedForum forum) : IClassFixture<ReadingWatchTests.WatchedForum>
{
    public sealed class WatchedForum : ForumFactory
    {
        public const int Reads = 3;

        public WatchedForum() => Clock = Time;

        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:MembersOnly:ReadsPerWindow"] = $"{Reads}",
            ["Forum:MembersOnly:WindowMinutes"] = "10",
        };
    }

    [Fact]
    public async Task MembersOnlyReads_PastTheLimit_AreSlowedUntilTheWindowEnds_AndReportedToModeratorsOnce()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var reader = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await StartAsync(author, "rehab", Unique("Read many times over"), "Members only.");
        var open = await Compose.StartThreadPathAsync(author, "rehab", Unique("Public and not counted"), "Public.");
        for (var i = 0; i < 2 * WatchedForum.Reads; i++)
        {
            await reader.Client.GetOkAsync(open);
        }

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < WatchedForum.Reads; i++)
        {
            allowed.Add((await reader.Client.GetAsync(path)).Status);
        }
        var slowed = await reader.Client.GetAsync(path);
        var profile = await reader.Client.GetAsync($"/u/{Uri.EscapeDataString(author.DisplayName)}");
        var queue = await moderator.Client.GetOkAsync("/moderation");
        for (var i = 0; i < 2 * WatchedForum.Reads; i++)
        {
            await moderator.Client.GetOkAsync(path);
        }
        forum.Time.Advance(TimeSpan.FromMinutes(10));
        var nextWindow = await reader.Client.GetAsync(path);

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.Status);
        Assert.Equal("Slow down a little", slowed.TextOf("h1"));
        Assert.Contains("You can read again in", slowed.Text, StringComparison.Ordinal);
        Assert.NotNull(slowed.Response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, profile.Status);
        var readerId = await ModerationState.UserIdAsync(forum, reader.Email);
        Assert.Equal(1, await ModerationState.QueryAsync(forum, db => db.ReadingAlerts.CountAsync(a => a.UserId == readerId)));
        Assert.Contains(reader.DisplayName, queue.TextOf("[data-reading-alerts]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nextWindow.Status);
        var moderatorId = await ModerationState.UserIdAsync(forum, moderator.Email);
        Assert.False(await ModerationState.QueryAsync(forum, db => db.ReadingAlerts.AnyAsync(a => a.UserId == moderatorId)));
    }
}
