using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Contact;

/// <summary>Contact submissions reach every moderator through a real SMTP server, and none is lost or sent twice.</summary>
public sealed class ContactDeliveryTests
{
    /// <summary>Longer than any back-off after a few attempts (2 s, 4 s, 8 s … each stretched by up to 20 %).</summary>
    private static readonly TimeSpan s_retriesDue = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Submit_WithMailServerUp_ReachesEveryModeratorOnceWithReplyToTheSender()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var moderator = await forum.StaffAsync(ForumRoles.Moderator);
        var text = $"The guide's link to the resources page is broken {Canaries.New("contact message")}";

        var page = await forum.SubmitAsync("Ann O'Hara", "ann@example.org", "Problem", text);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Message received", page.TextOf("h1"));
        var reference = page.TextOf(".reference")!;
        Assert.Matches("^PF-[A-Z0-9]{8}$", reference);
        foreach (var address in new[] { moderator.Email, ContactForum.ConfiguredModerator })
        {
            var mail = await smtp.WaitForAsync(address, reference);
            Assert.Equal("ann@example.org", Assert.Single(mail.ReplyTo.Mailboxes).Address);
            Assert.Equal("Ann O'Hara", mail.ReplyTo.Mailboxes.Single().Name);
            Assert.Contains("Report a problem", mail.Subject, StringComparison.Ordinal);
            Assert.Contains(text, mail.TextBody, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(mail.MessageId));
        }
        await forum.MailIdleAsync();
        Assert.Equal(2, smtp.Received.Count(m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Submit_WhileMailServerIsDown_SucceedsAndStaysPending_ThenIsDeliveredExactlyOnce()
    {
        await using var smtp = new TestSmtpServer();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp) { Clock = time };
        var moderator = await forum.StaffAsync(ForumRoles.Moderator);

        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var page = await forum.SubmitAsync($"Sender {i}", Canaries.Email("sender"), "Question", $"Question number {i} about rehab {Canaries.New("contact message")}.");
            Assert.Equal("Message received", page.TextOf("h1"));
            references.Add(page.TextOf(".reference")!);
        }
        var inbox = await moderator.Client.GetOkAsync("/moderation/contact");
        Assert.All(references, r => Assert.Contains(r, inbox.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(inbox.Document.QuerySelectorAll("[data-delivery-status]"), e => e.GetAttribute("data-delivery-status") == "sent");

        // Every message has been tried and refused a connection; the server comes back, and the retries fall due.
        await forum.MailIdleAsync();
        await smtp.StartAsync();
        time.Advance(s_retriesDue);
        await forum.MailIdleAsync();

        var contactMail = smtp.Received.Where(m => references.Any(r => (m.Subject ?? "").Contains(r, StringComparison.Ordinal))).ToList();
        Assert.Equal(6, contactMail.Count);
        Assert.Equal(6, contactMail.Select(m => m.MessageId).Distinct().Count());
        var after = await moderator.Client.GetOkAsync("/moderation/contact");
        Assert.All(after.Document.QuerySelectorAll("[data-delivery-status]"), e => Assert.Equal("sent", e.GetAttribute("data-delivery-status")));
    }

    [Fact]
    public async Task TemporaryRefusal_IsRetriedUntilDelivered_PermanentRefusal_FailsUntilAModeratorRetries()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp) { Clock = time };
        var moderator = await forum.StaffAsync(ForumRoles.Moderator);
        await forum.MailIdleAsync();

        smtp.RefuseWith = 451;
        var temporary = (await forum.SubmitAsync("Tem Porary", "tem@example.org", "Other", "Please retry this one later.")).TextOf(".reference")!;
        await forum.MailIdleAsync();
        time.Advance(s_retriesDue);
        await forum.MailIdleAsync();
        Assert.Equal(["retrying", "retrying"], await DeliveryStatusesAsync(moderator, temporary));
        Assert.Equal(4, smtp.Refused);
        var retrying = await moderator.Client.GetOkAsync("/moderation/contact");
        Assert.Contains("451", retrying.Text, StringComparison.Ordinal);
        smtp.RefuseWith = null;
        time.Advance(s_retriesDue);
        await forum.MailIdleAsync();
        Assert.Single(smtp.To(ContactForum.ConfiguredModerator), m => (m.Subject ?? "").Contains(temporary, StringComparison.Ordinal));

        smtp.RefuseWith = 550;
        var permanent = (await forum.SubmitAsync("Perma Nent", "perm@example.org", "Other", "This one the server refuses.")).TextOf(".reference")!;
        await forum.MailIdleAsync();
        Assert.Equal(["failed", "failed"], await DeliveryStatusesAsync(moderator, permanent));

        // The server would take it now, and every back-off has long passed: still nothing is sent by itself.
        smtp.RefuseWith = null;
        time.Advance(TimeSpan.FromMinutes(30));
        await forum.MailIdleAsync();
        Assert.DoesNotContain(smtp.Received, m => (m.Subject ?? "").Contains(permanent, StringComparison.Ordinal));
        var failed = await moderator.Client.GetOkAsync("/moderation/contact");
        Assert.Contains("550", failed.Text, StringComparison.Ordinal);
        Assert.Contains(failed.Document.QuerySelectorAll("[data-delivery-status]"), e => e.GetAttribute("data-delivery-status") == "failed");

        await moderator.Client.SubmitAsync(failed, $"form[action$='/retry']", new Dictionary<string, string?>());
        await smtp.WaitForAsync(ContactForum.ConfiguredModerator, permanent);
    }

    [Fact]
    public async Task AppRestart_WithMessagesPending_LosesNothing()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.Create(data);
        await using var smtp = new TestSmtpServer();
        string reference;
        using (var before = new ContactForum(smtp, database: database))
        {
            reference = (await before.SubmitAsync("Res Tart", "restart@example.org", "Privacy", "Please delete my account data.")).TextOf(".reference")!;
        }

        await smtp.StartAsync();
        using var after = new ContactForum(smtp, database: database);
        _ = after.Server;

        var mail = await smtp.WaitForAsync(ContactForum.ConfiguredModerator, reference, TimeSpan.FromSeconds(45));
        Assert.Equal("restart@example.org", mail.ReplyTo.Mailboxes.Single().Address);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task AppStop_RightAfterTheWorkerClaimedAMessage_HandsItBack_SoTheNextStartSendsIt()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.Create(data);
        await using var smtp = new TestSmtpServer();
        var stop = new StopAfterClaim("OutboxMessages");
        string reference;
        using (var before = new ContactForum(smtp, database: database) { TestServices = stop.AddTo })
        {
            stop.Watch(before);
            reference = (await before.SubmitAsync("Sto Pping", "stop@example.org", "Privacy", "Please delete my account data.")).TextOf(".reference")!;
            await stop.Claimed.WaitAsync(TimeSpan.FromSeconds(60));
        }

        // Not left to the claim's lease (45 s here): the next start sends it at once.
        Assert.Equal(0, await database.ScalarAsync<int>("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = 0 AND "ClaimedUntil" IS NOT NULL"""));
        await smtp.StartAsync();
        using var after = new ContactForum(smtp, database: database);
        _ = after.Server;
        await smtp.WaitForAsync(ContactForum.ConfiguredModerator, reference);
        Directory.Delete(data, recursive: true);
    }

    private static async Task<List<string>> DeliveryStatusesAsync(PatientForum.Tests.Infrastructure.Member moderator, string reference)
    {
        var inbox = await moderator.Client.GetOkAsync("/moderation/contact");
        var item = inbox.Document.QuerySelectorAll("li[id^=contact-]").FirstOrDefault(li => li.TextContent.Contains(reference, StringComparison.Ordinal));
        return item?.QuerySelectorAll("[data-delivery-status]").Select(e => e.GetAttribute("data-delivery-status") ?? "").ToList() ?? [];
    }
}
