using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Notifications;

/// <summary>A notification job the forum was making when it stopped is made when it starts again.</summary>
public sealed class NotificationRestartTests
{
    [Fact]
    public async Task Reply_WhenTheForumStopsRightAfterTheWorkerClaimedItsJob_IsNotifiedAtOnceAfterTheRestart()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.Create(data);
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var stop = new StopAfterClaim("NotificationJobs") { Armed = false };
        Member starter;
        using (var before = new ContactForum(smtp, database: database) { TestServices = stop.AddTo })
        {
            stop.Watch(before);
            starter = await Staff.MemberAsync(before);
            var replier = await Staff.MemberAsync(before);
            var path = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Hydrotherapy after the hip"), "Did the pool sessions help you?");
            await SettledAsync(before);

            stop.Armed = true;
            await Compose.ReplyAsync(replier, path, "Twice a week, and yes.");
            await stop.Claimed.WaitAsync(TimeSpan.FromSeconds(60));
        }

        // Handed back, not left to the claim's lease (two minutes): the next start makes it.
        using var after = new ContactForum(smtp, database: database);
        _ = after.Server;
        await SettledAsync(after);

        Assert.Equal(1, await database.ScalarAsync<int>(
            """SELECT COUNT(*) FROM "Notifications" n JOIN "AspNetUsers" u ON u."Id" = n."RecipientId" WHERE u."Email" = @email""", ("email", starter.Email)));
        Assert.Equal(0, await database.ScalarAsync<int>("""SELECT COUNT(*) FROM "NotificationJobs" """));
        Directory.Delete(data, recursive: true);
    }
}
