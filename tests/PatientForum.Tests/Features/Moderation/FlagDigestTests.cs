using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>The moderators' flag summary counts the safety check's automatic flags apart: no member raised them.</summary>
public sealed class FlagDigestTests
{
    [Fact]
    public async Task Digest_WithAMembersFlagAndAnAutomaticOne_CountsThemApart()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?>
        {
            ["Forum:Moderation:DigestIntervalMinutes"] = "1", ["Forum:Safety:Rules:PhoneNumber"] = "Hold",
        }) { Clock = time };
        var moderator = await forum.StaffAsync("moderator");
        var (author, flagger) = (await Staff.MemberAsync(forum), await Staff.MemberAsync(forum));
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "An ordinary reply, flagged as off-topic.");
        await Moderating.FlagAsync(flagger, replyId, "OffTopic");
        await Compose.ReplyAsync(author, path, "Ring me on 07700 900123 if your knee is the same.");

        time.Advance(TimeSpan.FromSeconds(5));
        var worker = forum.Services.GetServices<IHostedService>().OfType<FlagDigestWorker>().Single();
        await worker.WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await forum.MailIdleAsync();

        var summary = Assert.Single(smtp.To(moderator.Email), m => (m.Subject ?? "").Contains("new flag", StringComparison.Ordinal));
        Assert.Contains("2 new flag(s)", summary.Subject, StringComparison.Ordinal);
        Assert.Contains("Members raised 1 new flag(s)", summary.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Off-topic: 1", summary.TextBody, StringComparison.Ordinal);
        Assert.Contains("The safety check raised 1 automatic flag(s)", summary.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Personal information exposed: 1", summary.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", summary.TextBody, StringComparison.Ordinal);
    }
}
