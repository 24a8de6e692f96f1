using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Operations;

/// <summary>
/// Ready holds the mail outbox to <c>Forum:Health:OutboxMaxAgeMinutes</c>: while the mail server answers "try later",
/// a contact message waits, and once it has waited longer than the limit ready is unhealthy; when the server takes it,
/// ready is healthy again. The forum's clock is moved by hand, so no minute is waited for.
/// </summary>
public sealed class OutboxHealthTests
{
    [Fact]
    public async Task Ready_WhileMailWaitsPastTheLimit_IsUnhealthy_AndHealthyOnceTheServerTakesIt()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Health:OutboxMaxAgeMinutes"] = "30" }) { Clock = time };
        var admin = await forum.StaffAsync(ForumRoles.Admin);
        await forum.MailIdleAsync();

        smtp.RefuseWith = 451;
        await forum.SubmitAsync("Out Box", "outbox@example.org", "Other", "A message the mail server will not take yet.");
        await forum.MailIdleAsync();
        var waiting = await OutboxAsync(admin);
        await AdvanceAsync(forum, time, TimeSpan.FromMinutes(29));
        var nearly = await OutboxAsync(admin);
        await AdvanceAsync(forum, time, TimeSpan.FromMinutes(2));
        var stuck = await OutboxAsync(admin);
        var publicView = await forum.CreateForumClient().GetAsync("/healthz/ready");

        smtp.RefuseWith = null;
        await AdvanceAsync(forum, time, TimeSpan.FromMinutes(5));
        var sent = await OutboxAsync(admin);

        Assert.True(smtp.Refused > 0, "The mail server was never asked.");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (waiting.Status, waiting.Outbox));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (nearly.Status, nearly.Outbox));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (stuck.Status, stuck.Outbox));
        Assert.Contains("31 minutes", stuck.Description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, publicView.Status);
        Assert.Equal("Unhealthy", publicView.Text);
        Assert.Equal((HttpStatusCode.OK, "Healthy", "No mail is waiting."), (sent.Status, sent.Outbox, sent.Description));
    }

    private sealed record OutboxCheck(HttpStatusCode Status, string? Outbox, string? Description);

    private static async Task<OutboxCheck> OutboxAsync(Member admin)
    {
        var page = await admin.Client.GetAsync("/healthz/ready");
        using var report = JsonDocument.Parse(page.Text);
        var outbox = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "outbox");
        return new OutboxCheck(page.Status, outbox.GetProperty("status").GetString(), outbox.GetProperty("description").GetString());
    }

    /// <summary>Moves the clock on and waits for the mail worker's pass at the new time (it retries what is due).</summary>
    private static async Task AdvanceAsync(ContactForum forum, FakeTimeProvider time, TimeSpan by)
    {
        time.Advance(by);
        await forum.MailIdleAsync();
    }
}
