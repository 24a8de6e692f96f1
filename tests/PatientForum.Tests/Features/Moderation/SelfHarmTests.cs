using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// Self-harm concerns, beyond <see cref="SelfHarmAndSuspensionTests"/>: the forum's own crisis list, and the
/// alert reaching every moderator at once even when a summary of flags has only just gone out.
/// </summary>
public sealed class SelfHarmTests
{
    private static readonly string[] s_configuredResources =
    [
        "Ireland: Pieta, call 1800 247 247 or text HELP to 51444.",
        "Australia: Lifeline, call 13 11 14.",
    ];

    [Fact]
    public async Task SelfHarmFlag_WithConfiguredCrisisResources_ShowsExactlyThose()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, new Dictionary<string, string?>
        {
            ["Forum:Moderation:CrisisResources:0"] = s_configuredResources[0],
            ["Forum:Moderation:CrisisResources:1"] = s_configuredResources[1],
        });
        var author = await Staff.MemberAsync(forum);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "Nothing helps any more.");
        var flagger = await Staff.MemberAsync(forum);

        var thanks = await Moderating.FlagAsync(flagger, postId, "SelfHarm");

        Assert.Equal("Thank you", thanks.TextOf("h1"));
        Assert.Equal(s_configuredResources, thanks.TextsOf("section.notice li"));
        Assert.DoesNotContain(ModerationOptions.DefaultCrisisResources[1], thanks.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfHarmFlag_RightAfterASummaryWentOut_IsMailedToEveryModeratorAtOnce_WithoutThePostOrTheNote()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Moderation:DigestIntervalMinutes"] = "600" });
        var moderator = await forum.StaffAsync("moderator");
        var admin = await forum.StaffAsync("admin");
        var author = await Staff.MemberAsync(forum);
        var flagger = await Staff.MemberAsync(forum);
        var ordinary = await Moderating.ThreadWithReplyAsync(author, "An ordinary off-topic reply.");
        var worrying = $"I have been saving up my tablets {Guid.NewGuid():N}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, worrying);
        await Moderating.FlagAsync(flagger, ordinary.ReplyId, "OffTopic");
        await smtp.WaitForAsync(moderator.Email, "new flag");

        // The next summary is ten hours away: only an immediate alert can arrive within seconds.
        await Moderating.FlagAsync(flagger, postId, "SelfHarm", "Their surname is Okafor");

        foreach (var address in new[] { moderator.Email, admin.Email, ContactForum.ConfiguredModerator })
        {
            var alert = await smtp.WaitForAsync(address, "Urgent", TimeSpan.FromSeconds(10));
            Assert.Contains($"/moderation/posts/{postId}", alert.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("tablets", alert.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Okafor", alert.TextBody, StringComparison.Ordinal);
        }
        Assert.Single(smtp.To(moderator.Email), m => (m.Subject ?? "").Contains("new flag", StringComparison.Ordinal));
        Assert.Contains(worrying, await Moderating.PostTextAsync(forum.CreateForumClient(), path, postId), StringComparison.Ordinal);
    }
}
