using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Posting;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Tests.Features.Moderation;

public sealed class SelfHarmAndSuspensionTests
{
    [Fact]
    public async Task SelfHarmFlag_GoesToTheTopUnhidden_ShowsCrisisResources_AndMailsEveryModeratorAtOnce()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Moderation:DigestIntervalMinutes"] = "600" });
        var moderator = await forum.StaffAsync("moderator");
        var author = await Staff.MemberAsync(forum);
        var older = await Moderating.ThreadWithReplyAsync(author, "An older post with an ordinary flag.");
        var worrying = $"I don't see the point of carrying on {Guid.NewGuid():N}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, worrying);
        var flagger = await Staff.MemberAsync(forum);
        await Moderating.FlagAsync(flagger, older.ReplyId, "OffTopic");

        var thanks = await Moderating.FlagAsync(flagger, postId, "SelfHarm", "Please check on them");

        Assert.All(ModerationOptions.DefaultCrisisResources, r => Assert.Contains(r, thanks.Document.Body!.TextContent, StringComparison.Ordinal));
        var queue = await moderator.Client.GetOkAsync("/moderation");
        var first = queue.Document.QuerySelector("li[id^=queue-]")!;
        Assert.Equal($"queue-{postId}", first.Id);
        Assert.Contains("Self-harm concern", first.TextContent, StringComparison.Ordinal);
        Assert.Contains(worrying, await Moderating.PostTextAsync(forum.CreateForumClient(), path, postId), StringComparison.Ordinal);
        foreach (var address in new[] { moderator.Email, ContactForum.ConfiguredModerator })
        {
            var mail = await smtp.WaitForAsync(address, "Urgent");
            Assert.Contains($"/moderation/posts/{postId}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("carrying on", mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Suspension_BlocksPostingAndFlaggingButNotReading_UntilLifted()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var moderator = await forum.StaffAsync("moderator");
        var member = await Staff.MemberAsync(forum);
        var other = await Staff.MemberAsync(forum);
        var (path, otherPost) = await Moderating.ThreadWithReplyAsync(other, "A post to flag.");
        var memberPath = await Compose.StartThreadPathAsync(member, "rehab", "My first thread here", "Hello all.");
        var authorLink = (await moderator.Client.GetOkAsync(memberPath)).Document.QuerySelector("article.post a[href^='/moderation/posts/']")!.GetAttribute("href")!;
        var userLink = (await moderator.Client.GetOkAsync(authorLink)).Document.QuerySelector("a[href^='/moderation/users/']")!.GetAttribute("href")!;

        var form = await moderator.Client.GetOkAsync(userLink);
        await moderator.Client.SubmitAsync(form, "form[action$='/suspend']", new Dictionary<string, string?> { ["Days"] = "3", ["Reason"] = "Selling supplements" });

        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(path)).Status);
        var reply = await member.Client.PostAsync($"/threads/{Compose.ThreadId(path)}/reply", new Dictionary<string, string?> { ["Body"] = "Suspended reply" });
        RefusedComposer.Assert(reply, HttpStatusCode.Forbidden, "Suspended reply", "Your account is suspended until");
        Assert.Contains("Selling supplements", reply.Text, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.AddDays(3).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), reply.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsync($"/posts/{otherPost}/flag", new Dictionary<string, string?> { ["Reason"] = "Spam" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/t/rehab/new")).Status);

        var lift = await moderator.Client.GetOkAsync(userLink);
        await moderator.Client.SubmitAsync(lift, "form[action$='/unsuspend']", new Dictionary<string, string?> { ["Reason"] = "Appeal accepted" });

        Assert.Equal(HttpStatusCode.OK, (await Compose.ReplyAsync(member, path, "Back again.")).Status);
    }

    [Fact]
    public async Task IndefiniteSuspension_SaysUntilAModeratorLiftsIt()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var moderator = await forum.StaffAsync("moderator");
        var member = await Staff.MemberAsync(forum);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Thread before suspension", "Hello.");
        var postLink = (await moderator.Client.GetOkAsync(path)).Document.QuerySelector("article.post a[href^='/moderation/posts/']")!.GetAttribute("href")!;
        var userLink = (await moderator.Client.GetOkAsync(postLink)).Document.QuerySelector("a[href^='/moderation/users/']")!.GetAttribute("href")!;

        await moderator.Client.SubmitAsync(await moderator.Client.GetOkAsync(userLink), "form[action$='/suspend']", new Dictionary<string, string?> { ["Reason"] = "Harassment" });

        var denied = await member.Client.GetAsync("/t/rehab/new");
        Assert.Contains("until a moderator lifts the suspension", denied.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdinaryFlags_AreSummedUpInAtMostOneMailPerModeratorPerInterval()
    {
        // The summary worker looks every 5 s from the moment the forum starts. Each wait for a look moves the clock to
        // one of those times, so the worker's last look reads exactly the time the clock was moved to.
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Moderation:DigestIntervalMinutes"] = "1" }) { Clock = time };
        var moderator = await forum.StaffAsync("moderator");
        var author = await Staff.MemberAsync(forum);
        var flagger = await Staff.MemberAsync(forum);
        var first = await Moderating.ThreadWithReplyAsync(author, "First flagged reply.");
        var second = await Moderating.ThreadWithReplyAsync(author, "Second flagged reply.");

        await Moderating.FlagAsync(flagger, first.ReplyId, "OffTopic");
        await AdvanceToNextLookAsync(forum, time, TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(1));
        await Moderating.FlagAsync(flagger, second.ReplyId, "Spam");
        await AdvanceToNextLookAsync(forum, time, TimeSpan.FromSeconds(54));

        // 55 s after the first summary: the second flag waits.
        var summary = Assert.Single(Summaries(smtp, moderator.Email));
        Assert.Contains("Off-topic: 1", summary.TextBody, StringComparison.Ordinal);
        Assert.Single(Summaries(smtp, ContactForum.ConfiguredModerator));

        // A minute after the first summary: the second one, with only the new flag.
        await AdvanceToNextLookAsync(forum, time, TimeSpan.FromSeconds(5));
        var next = Summaries(smtp, moderator.Email);
        Assert.Equal(2, next.Count);
        Assert.Contains("Spam: 1", next[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Off-topic", next[1].TextBody, StringComparison.Ordinal);
        Assert.Equal(2, Summaries(smtp, ContactForum.ConfiguredModerator).Count);
    }

    /// <summary>Moves the clock on, waits for the summary worker's look at the new time, then for what it queued to be sent.</summary>
    private static async Task AdvanceToNextLookAsync(ContactForum forum, FakeTimeProvider time, TimeSpan by)
    {
        time.Advance(by);
        var worker = forum.Services.GetServices<IHostedService>().OfType<FlagDigestWorker>().Single();
        await worker.WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await forum.MailIdleAsync();
    }

    private static List<MimeKit.MimeMessage> Summaries(TestSmtpServer smtp, string address) =>
        smtp.To(address).Where(m => (m.Subject ?? "").Contains("new flag", StringComparison.Ordinal)).ToList();
}
