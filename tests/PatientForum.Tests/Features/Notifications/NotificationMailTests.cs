using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Notifications;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Notifications;

/// <summary>
/// Notification mail through the real outbox to a real SMTP server on loopback, on a clock the test moves: what goes
/// out, when, to whom, what it may say, and the one-click unsubscribe that needs no sign-in.
/// </summary>
public sealed class NotificationMailTests
{
    private static readonly TimeSpan s_delay = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Mention_ByDefault_IsMailedAfterTheDelay_AsACountAndALink_WithNoTitleNameOrText()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp) { Clock = time };
        var mentioned = await Staff.MemberAsync(forum);
        var author = await Staff.MemberAsync(forum);
        var title = Unique("Knee surgery waiting times");
        var path = await Compose.StartThreadPathAsync(author, "surgical-referral", title, $"Asking @{mentioned.DisplayName}: my secret clinic story.");
        await SettledAsync(forum);

        await AdvanceAsync(forum, time, s_delay - TimeSpan.FromMinutes(1));
        Assert.Empty(NotificationMail(smtp, mentioned));
        await AdvanceAsync(forum, time, TimeSpan.FromMinutes(1));

        var mail = Assert.Single(NotificationMail(smtp, mentioned));
        Assert.Equal("Someone mentioned or quoted you", mail.Subject);
        var everything = string.Join("\n", mail.Headers.Select(h => h.Value).Append(mail.TextBody));
        foreach (var secret in new[] { title, author.DisplayName, "secret clinic story", "surgical", path })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("http://localhost:5000/notifications", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("<http://localhost:5000/notifications/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}@patientforum$", mail.MessageId);

        // Mailed once: later passes send nothing more.
        await AdvanceAsync(forum, time, s_delay);
        Assert.Single(NotificationMail(smtp, mentioned));
    }

    [Fact]
    public async Task OneClickUnsubscribe_WithoutSigningIn_StopsThatKindOfMail_AndReplaysHarmlessly()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp) { Clock = time };
        var mentioned = await Staff.MemberAsync(forum);
        var author = await Staff.MemberAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Mentions"), $"Hi @{mentioned.DisplayName}.");
        await SettledAsync(forum);
        await AdvanceAsync(forum, time, s_delay);
        var url = UnsubscribeUrl(Assert.Single(NotificationMail(smtp, mentioned)));

        // What a mail program sends (RFC 8058): a POST with no cookies and no form token.
        using var mailProgram = forum.CreateClient();
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await mailProgram.PostAsync(url, oneClick);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await MemberSettingAsync(forum, mentioned, u => u.MentionMail));
        Assert.True(await MemberSettingAsync(forum, mentioned, u => u.ModerationMail));
        using var replay = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, (await mailProgram.PostAsync(url, replay)).StatusCode);

        await Compose.ReplyAsync(author, path, $"Hello again @{mentioned.DisplayName}.");
        await SettledAsync(forum);
        await AdvanceAsync(forum, time, s_delay);
        Assert.Single(NotificationMail(smtp, mentioned));
        Assert.Equal(2, (await forum.Services.GetRequiredService<NotificationReader>().GetPageAsync(
            await ModerationState.UserIdAsync(forum, mentioned.Email), 1, CancellationToken.None))!.Entries.Count);
    }

    [Fact]
    public async Task UnsubscribeLink_Tampered_OrExpired_IsRefusedWithAReason_AndChangesNothing()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Notifications:UnsubscribeLinkDays"] = "1" }) { Clock = time };
        var mentioned = await Staff.MemberAsync(forum);
        var author = await Staff.MemberAsync(forum);
        await Compose.StartThreadAsync(author, "rehab", Unique("Links"), $"Hi @{mentioned.DisplayName}.");
        await SettledAsync(forum);
        await AdvanceAsync(forum, time, s_delay);
        var url = UnsubscribeUrl(Assert.Single(NotificationMail(smtp, mentioned)));
        var visitor = forum.CreateForumClient();

        var tampered = await visitor.PostAsync(url[..^3] + (url[^3] == 'A' ? "B" : "A") + url[^2..], new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Contains("not complete or was changed", tampered.Text, StringComparison.Ordinal);

        // Moved a day on (the forum's timers fire for every period on the way, so the link lives a day here).
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var expired = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Contains("has expired", expired.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync(url, new Dictionary<string, string?>())).Status);
        Assert.True(await MemberSettingAsync(forum, mentioned, u => u.MentionMail));
    }

    [Fact]
    public async Task Replies_ByDefault_WaitForTheDailySummary_AndOneReadInTheForumIsNotMailed()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp) { Clock = time };
        var starter = await Staff.MemberAsync(forum);
        var replier = await Staff.MemberAsync(forum);
        var read = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Read in the forum"), "Opening.");
        var unread = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Left unread"), "Opening.");
        await Compose.ReplyAsync(replier, read, "Seen before any mail.");
        await Compose.ReplyAsync(replier, unread, "First unread.");
        await Compose.ReplyAsync(replier, unread, "Second unread.");
        await SettledAsync(forum);
        await starter.Client.GetOkAsync(read);

        await AdvanceAsync(forum, time, TimeSpan.FromHours(23));
        Assert.Empty(NotificationMail(smtp, starter));
        await AdvanceAsync(forum, time, TimeSpan.FromHours(1));

        var summary = Assert.Single(NotificationMail(smtp, starter));
        Assert.Equal("You have 2 new replies", summary.Subject);

        // A reply after the summary waits for the next day's.
        await Compose.ReplyAsync(replier, unread, "Third unread.");
        await SettledAsync(forum);
        await AdvanceAsync(forum, time, TimeSpan.FromHours(12));
        Assert.Single(NotificationMail(smtp, starter));
        await AdvanceAsync(forum, time, TimeSpan.FromHours(12));
        Assert.Equal(["You have 2 new replies", "You have 1 new reply"], NotificationMail(smtp, starter).Select(m => m.Subject));
    }

    [Fact]
    public async Task FullMail_NamesThreadAndReplier_AndQuotesTheReply_OnlyForAMemberWhoOptedIn()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Notifications:MinimalMail"] = "false" }) { Clock = time };
        var optedIn = await Staff.MemberAsync(forum);
        var private_ = await Staff.MemberAsync(forum);
        var replier = await Staff.MemberAsync(forum);
        await ChooseAsync(optedIn, new() { ["AutoWatch"] = "true", ["ReplyMail"] = "Immediately", ["MentionMail"] = "true", ["ModerationMail"] = "true", ["MailIncludesText"] = "true" });
        await ChooseAsync(private_, new() { ["AutoWatch"] = "true", ["ReplyMail"] = "Immediately", ["MentionMail"] = "true", ["ModerationMail"] = "true" });
        var title = Unique("Shoulder injections");
        var first = await Compose.StartThreadPathAsync(optedIn, "injections", title, "Opening.");
        var second = await Compose.StartThreadPathAsync(private_, "injections", title + " too", "Opening.");
        await Compose.ReplyAsync(replier, first, "The second injection helped my shoulder.");
        await Compose.ReplyAsync(replier, second, "The second injection helped my shoulder.");
        await SettledAsync(forum);
        await AdvanceAsync(forum, time, s_delay);

        var full = Assert.Single(NotificationMail(smtp, optedIn));
        Assert.Equal($"New reply in “{title}”", full.Subject);
        Assert.Contains($"{replier.DisplayName} replied in “{title}”", full.TextBody, StringComparison.Ordinal);
        Assert.Contains("> The second injection helped my shoulder.", full.TextBody, StringComparison.Ordinal);
        var plain = Assert.Single(NotificationMail(smtp, private_));
        Assert.Contains(replier.DisplayName, plain.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("second injection", plain.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendedMember_GetsNoNotificationMail()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp) { Clock = time };
        var moderator = await forum.StaffAsync("moderator");
        var suspended = await Staff.MemberAsync(forum);
        var author = await Staff.MemberAsync(forum);
        await ModerationState.SuspendAsync(moderator, await ModerationState.UserIdAsync(forum, suspended.Email), "7", "Cooling off");
        await Compose.StartThreadAsync(author, "rehab", Unique("While away"), $"Hi @{suspended.DisplayName}.");
        await SettledAsync(forum);

        await AdvanceAsync(forum, time, s_delay);

        Assert.Empty(NotificationMail(smtp, suspended));
        var suspendedId = await ModerationState.UserIdAsync(forum, suspended.Email);
        Assert.Equal(1, await ModerationState.QueryAsync(forum, db => db.Notifications.CountAsync(n => n.RecipientId == suspendedId)));
    }

    private static async Task ChooseAsync(Member member, Dictionary<string, string?> choices)
    {
        var saved = await member.Client.SubmitAsync("/account/notifications", "/account/notifications", choices);
        Assert.Equal("Your settings are saved.", saved.TextOf("[role=status]"));
    }

    /// <summary>Moves the clock on, waits for the mailer's pass at the new time, then for what it queued to be sent.</summary>
    private static async Task AdvanceAsync(ContactForum forum, FakeTimeProvider time, TimeSpan by)
    {
        time.Advance(by);
        var mailer = forum.Services.GetServices<IHostedService>().OfType<NotificationMailer>().Single();
        await mailer.WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await forum.MailIdleAsync();
    }

    private static List<MimeMessage> NotificationMail(TestSmtpServer smtp, Member member) =>
        smtp.To(member.Email).Where(m => m.Headers.Contains("List-Unsubscribe")).ToList();

    private static string UnsubscribeUrl(MimeMessage mail) =>
        new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;

    private static async Task<bool> MemberSettingAsync(ContactForum forum, Member member, System.Linq.Expressions.Expression<Func<ForumUser, bool>> setting) =>
        await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Email == member.Email).Select(setting).SingleAsync());
}
