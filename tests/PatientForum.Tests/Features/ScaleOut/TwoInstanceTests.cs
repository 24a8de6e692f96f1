using System.Net;
using System.Text.RegularExpressions;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// Two forum processes on one PostgreSQL database and one Redis, as behind a round-robin proxy: whatever one
/// instance hands a browser, the other must accept, and shared work is done once.
/// </summary>
public sealed partial class TwoInstanceTests
{
    [ScaleOutFact]
    public async Task SignInCookieAndFormTokens_MadeOnInstanceA_WorkOnInstanceB()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.CreatePostgres(data);
        await using var a = await StartAsync(database);
        await using var b = await StartAsync(database);

        using var onA = await ForumClient.CreateConfirmedMemberAsync(a);
        using var onB = onA.On(b);
        var newThreadForm = await onB.GetAsync("/t/rehab/new");
        var path = await onB.StartThreadAsync("rehab", "Started through the other instance", "Signed in on A, posting on B.");
        var readOnA = await ForumClient.Visitor(a).GetAsync(path);

        Assert.Equal((HttpStatusCode.OK, "/t/rehab/new"), (newThreadForm.Status, newThreadForm.Url));
        Assert.Matches("^/threads/[0-9]+/", path);
        Assert.Contains("Signed in on A, posting on B.", readOnA.Text, StringComparison.Ordinal);
    }

    [ScaleOutFact]
    public async Task ContactMessages_SubmittedOnBothInstances_AreEachDeliveredExactlyOnceWhileBothWorkersRun()
    {
        const int Messages = 12;
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.CreatePostgres(data);
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var mail = smtp.ForumSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        await using var a = await StartAsync(database, mail);
        await using var b = await StartAsync(database, mail);

        var references = new List<string>();
        for (var i = 0; i < Messages; i++)
        {
            using var visitor = ForumClient.Visitor(i % 2 == 0 ? a : b);
            var sent = await visitor.SubmitAsync("/contact", "/contact", new()
            {
                ["Name"] = $"Sender {i}",
                ["Email"] = $"sender{i}@example.org",
                ["Subject"] = "Other",
                ["Message"] = $"Message number {i} to the moderators.",
            });
            references.Add(ReferencePattern().Match(sent.Text).Value);
        }
        foreach (var reference in references)
        {
            await smtp.WaitForAsync(Moderator, reference, TimeSpan.FromSeconds(60));
        }

        // A message is sent only while it is pending and claimed; once none is either, every send, a duplicate
        // included, has reached the SMTP server, and no worker will send any of them again.
        await WaitUntilOutboxSettledAsync(database);
        Assert.All(references, reference => Assert.Matches("^PF-", reference));
        var perReference = references.ToDictionary(r => r, r => smtp.To(Moderator).Count(m => (m.Subject ?? "").Contains(r, StringComparison.Ordinal)));
        Assert.All(perReference, pair => Assert.True(pair.Value == 1, $"{pair.Key} was delivered {pair.Value} times."));
    }

    private const string Moderator = "team@moderators.example.org";

    private static async Task WaitUntilOutboxSettledAsync(TestDatabase database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await database.ScalarAsync<long>(
            """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = @pending OR "ClaimedUntil" IS NOT NULL""", ("pending", (int)OutboxStatus.Pending)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Outbox messages were still pending or claimed after 60 s.");
            await Task.Delay(100);
        }
    }

    private static async Task<ForumServer> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            // A home of its own, as on separate machines: keys kept in a home folder would not be shared.
            ["HOME"] = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "home-" + Guid.NewGuid().ToString("N"))).FullName,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Forum__Contact__MinimumFillSeconds"] = "0",
            ["Forum__Contact__PerHourPerIp"] = "10000",
            ["Forum__Moderation__ModeratorEmails__0"] = Moderator,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return await ForumServer.StartNewAsync(settings, database);
    }

    [GeneratedRegex("PF-[A-Z0-9]{6,}")]
    private static partial Regex ReferencePattern();
}
