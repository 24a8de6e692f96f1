using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Notifications;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.ContentWarnings;

/// <summary>A warned post's text never goes out by mail, even to a member who asked for mail that quotes posts.</summary>
public sealed class ContentWarningMailTests
{
    [Fact]
    public async Task FullMail_WarnedReply_SaysTheWarning_AndQuotesNothing()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Notifications:MinimalMail"] = "false" }) { Clock = time };
        var watcher = await Staff.MemberAsync(forum);
        var replier = await Staff.MemberAsync(forum);
        var choices = new Dictionary<string, string?>
        {
            ["AutoWatch"] = "true", ["ReplyMail"] = "Immediately", ["MentionMail"] = "true", ["ModerationMail"] = "true", ["MailIncludesText"] = "true",
        };
        Assert.Equal("Your settings are saved.", (await watcher.Client.SubmitAsync("/account/notifications", "/account/notifications", choices)).TextOf("[role=status]"));
        var path = await Compose.StartThreadPathAsync(watcher, "injections", Unique("Injection week"), "Opening.");
        await ContentWarning.WarnedReplyAsync(replier, path, "The needle snapped in my knee.", "needles");
        await SettledAsync(forum);

        time.Advance(TimeSpan.FromMinutes(5));
        var mailer = forum.Services.GetServices<IHostedService>().OfType<NotificationMailer>().Single();
        await mailer.WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await forum.MailIdleAsync();

        var mail = Assert.Single(smtp.To(watcher.Email), m => m.Headers.Contains("List-Unsubscribe"));
        Assert.Contains($"{replier.DisplayName} replied in", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Content warning: needles", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("needle snapped", mail.TextBody, StringComparison.Ordinal);
    }
}
