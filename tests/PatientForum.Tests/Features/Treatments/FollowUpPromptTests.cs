using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Treatments;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>
/// Follow-up prompts on a clock the test moves, through the real outbox to a real SMTP server: each story's 3-month
/// prompt arrives once (however many passes, instances and restarts), and never to an author who opted out, is
/// suspended or has deleted their account.
/// </summary>
public sealed partial class FollowUpPromptTests
{
    private const string Subject = "How is your knee 3 months after platelet-rich plasma (PRP)?";

    // Mail that names the treatment: the forum's default mail names neither it nor the body area.
    private static readonly Dictionary<string, string?> s_fullMail = new() { ["Forum:Notifications:MinimalMail"] = "false" };

    [Fact]
    public async Task Prompt_WhenDue_ArrivesOnce_AndTheAnswersMoveTheThreeMonthPoint()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, s_fullMail) { Clock = time };
        var (year, month, due) = ThreeMonthsAhead(time.GetUtcNow().UtcDateTime);
        var scores = new[] { 5, 3, 4, 3, 2 };
        var authors = new List<Member>();
        foreach (var _ in scores)
        {
            var author = await Staff.MemberAsync(forum);
            var story = await StartAsync(author, "biologics", $"PRP story {Guid.NewGuid():N}"[..30], Details("prp", 7, 3, ("Month", $"{month}"), ("Year", $"{year}")));
            Assert.Equal(HttpStatusCode.OK, story.Status);
            authors.Add(author);
        }
        var visitor = forum.CreateForumClient();
        Assert.Equal("Pain before and after (n = 5)", (await visitor.GetOkAsync("/treatments/prp")).TextOf("#pain-heading"));

        await PassAsync(forum, time, due - time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(2));
        Assert.Empty(PromptMail(smtp, authors[0]));
        await PassAsync(forum, time, TimeSpan.FromHours(3));
        await PassAsync(forum, time, TimeSpan.FromHours(1));
        await PassAsync(forum, time, TimeSpan.FromDays(2));

        var mails = authors.Select(a => Assert.Single(PromptMail(smtp, a))).ToList();
        Assert.Contains("/follow-up", mails[0].TextBody, StringComparison.Ordinal);
        for (var i = 0; i < authors.Count; i++)
        {
            await Members.SignInAsync(authors[i].Client, authors[i]);
            var notifications = await authors[i].Client.GetOkAsync("/notifications");
            var entry = notifications.Document.QuerySelector("a.notification-open")!;
            Assert.StartsWith("How is it now? Add a follow-up to your story", entry.TextContent, StringComparison.Ordinal);

            // The first author opens the prompt from the notification, the others from the mail: both lead to the form.
            var form = await authors[i].Client.GetOkAsync(i == 0 ? entry.GetAttribute("href")! : FollowUpLink().Match(mails[i].TextBody ?? "").Groups[1].Value);
            Assert.Equal("How is it now?", form.TextOf("h1"));
            await authors[i].Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Pain"] = $"{scores[i]}" });
            if (i == 3)
            {
                var four = await visitor.GetOkAsync("/treatments/prp");
                Assert.Equal(["4", "Too few stories to show"], four.Document.QuerySelectorAll("#over-time-3-months td").Select(td => td.TextContent.Trim()).ToArray());
            }
        }

        var page = await visitor.GetOkAsync("/treatments/prp");
        Assert.Equal(["5", "3", "3–4"], page.Document.QuerySelectorAll("#over-time-3-months td").Select(td => td.TextContent.Trim()).ToArray());
        Assert.Equal(["0", "Too few stories to show"], page.Document.QuerySelectorAll("#over-time-6-weeks td").Select(td => td.TextContent.Trim()).ToArray());
        var json = JsonDocument.Parse((await visitor.GetOkAsync("/treatments/prp.json")).Text).RootElement;
        var point = json.GetProperty("overTime").EnumerateArray().Single(p => p.GetProperty("point").GetString() == "3-months");
        Assert.Equal((5, 3.0), (point.GetProperty("n").GetInt32(), point.GetProperty("median").GetDouble()));
        Assert.Contains("over_time_median,3-months,3", (await visitor.GetOkAsync("/treatments/prp.csv")).Text.Split("\r\n"));
    }

    [Fact]
    public async Task Prompt_WithTwoInstancesAndThenARestart_IsSentExactlyOnce()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.Create(data);
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (year, month, due) = ThreeMonthsAhead(time.GetUtcNow().UtcDateTime);
        Member author;
        using (var first = new ContactForum(smtp, s_fullMail, database) { Clock = time })
        using (var second = new ContactForum(smtp, s_fullMail, database) { Clock = time })
        {
            author = await Staff.MemberAsync(first);
            await StartAsync(author, "biologics", $"PRP story {Guid.NewGuid():N}"[..30], Details("prp", 7, 3, ("Month", $"{month}"), ("Year", $"{year}")));
            _ = second.Server;

            // Both instances' workers wake on the same tick of the shared clock.
            time.Advance(due - time.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1));
            await Task.WhenAll(CheckedAsync(first, time), CheckedAsync(second, time));
            await first.MailIdleAsync();
            await second.MailIdleAsync();
        }
        using (var restarted = new ContactForum(smtp, s_fullMail, database) { Clock = time })
        {
            await PassAsync(restarted, time, TimeSpan.FromHours(2));
            Assert.Single(PromptMail(smtp, author));
            Assert.Equal(1, await WithDbAsync(restarted, db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.FollowUpPrompt)));
            Assert.Equal(1, await WithDbAsync(restarted, db => db.TreatmentPrompts.CountAsync(p => !p.Skipped)));
        }
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Prompt_ForAnAuthorWhoOptedOutIsSuspendedOrDeleted_IsNeverSent()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, s_fullMail) { Clock = time };
        var (year, month, due) = ThreeMonthsAhead(time.GetUtcNow().UtcDateTime);
        var (control, optedOut, suspended, deleted) = (await Staff.MemberAsync(forum), await Staff.MemberAsync(forum), await Staff.MemberAsync(forum), await Staff.MemberAsync(forum));
        var threads = new Dictionary<Member, int>();
        foreach (var author in new[] { control, optedOut, suspended, deleted })
        {
            var story = await StartAsync(author, "biologics", $"PRP story {Guid.NewGuid():N}"[..30], Details("prp", 7, 3, ("Month", $"{month}"), ("Year", $"{year}")));
            threads[author] = Compose.ThreadId(story.Url);
        }
        var thread = await optedOut.Client.GetOkAsync($"/threads/{threads[optedOut]}");
        var stopped = await optedOut.Client.SubmitAsync(thread, "form.follow-up-prompts", new Dictionary<string, string?>());
        Assert.Contains("Send the reminders again", stopped.TextOf("form.follow-up-prompts")!, StringComparison.Ordinal);
        await WithDbAsync(forum, db => db.Users.Where(u => u.Email == suspended.Email).ExecuteUpdateAsync(set => set.SetProperty(u => u.SuspendedUntil, DateTime.MaxValue)));
        await AccountDeletion.Deleting.DeleteAccountAsync(deleted, "anonymize");

        await PassAsync(forum, time, due - time.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1));
        await PassAsync(forum, time, TimeSpan.FromDays(1));

        Assert.Single(PromptMail(smtp, control));
        Assert.Empty(PromptMail(smtp, optedOut));
        Assert.Empty(PromptMail(smtp, suspended));
        Assert.Empty(PromptMail(smtp, deleted));
        var prompts = await WithDbAsync(forum, db => db.TreatmentPrompts.AsNoTracking().Where(p => p.DaysAfter == 91)
            .Select(p => new { ThreadId = db.TreatmentRecords.Where(r => r.Id == p.RecordId).Select(r => r.ThreadId).Single(), p.Skipped }).ToListAsync());
        Assert.False(prompts.Single(p => p.ThreadId == threads[control]).Skipped);
        Assert.True(prompts.Single(p => p.ThreadId == threads[suspended]).Skipped);
        Assert.True(prompts.Single(p => p.ThreadId == threads[deleted]).Skipped);
        Assert.DoesNotContain(prompts, p => p.ThreadId == threads[optedOut]);
        Assert.Equal(1, await WithDbAsync(forum, db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.FollowUpPrompt)));
    }

    /// <summary>The oldest treatment month whose 3-month prompt is still more than a day ahead of <paramref name="now"/>, and when it is due.</summary>
    private static (int Year, int Month, DateTime Due) ThreeMonthsAhead(DateTime now)
    {
        var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        while (FollowUpPoints.DueAt(month.AddMonths(-1).Year, month.AddMonths(-1).Month, 91) > now.AddDays(1))
        {
            month = month.AddMonths(-1);
        }
        return (month.Year, month.Month, FollowUpPoints.DueAt(month.Year, month.Month, 91));
    }

    /// <summary>Moves the clock, then waits for the prompt worker's pass and for the mail it queued to be sent.</summary>
    private static async Task PassAsync(ContactForum forum, FakeTimeProvider time, TimeSpan by)
    {
        time.Advance(by);
        await CheckedAsync(forum, time);
        await forum.MailIdleAsync();
    }

    private static Task CheckedAsync(ContactForum forum, FakeTimeProvider time) =>
        forum.Services.GetServices<IHostedService>().OfType<FollowUpPrompter>().Single()
            .WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    private static List<MimeMessage> PromptMail(TestSmtpServer smtp, Member member) =>
        [.. smtp.To(member.Email).Where(m => m.Subject == Subject)];

    [GeneratedRegex(@"https?://[^/\s]+(/threads/\d+/follow-up)")]
    private static partial Regex FollowUpLink();
}
