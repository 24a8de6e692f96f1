using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Tests.Features.Safety;

/// <summary>
/// Crisis language on publish: the post is published (nobody is silenced), its author is shown the crisis resources
/// once with the way back to the post, and the moderators find it first in the queue and get the urgent mail at once.
/// </summary>
public sealed class CrisisRoutingTests
{
    private const string Crisis = "Some nights I want to die, and the pain is only part of it.";

    [Fact]
    public async Task CrisisReply_IsPublished_ShowsItsAuthorTheResourcesOnce_AndAlertsTheModeratorsFirst()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var (author, flagger, moderator) = (await Staff.MemberAsync(forum), await Staff.MemberAsync(forum), await forum.StaffAsync("moderator"));
        var (_, earlierId) = await Moderating.ThreadWithReplyAsync(author, "An ordinary off-topic reply, flagged first.");
        await Moderating.FlagAsync(flagger, earlierId, "OffTopic");
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Crisis thread {Guid.NewGuid():N}", "An opening post.");
        var thread = await author.Client.GetOkAsync(path);
        var body = Canaries.PlantText("post body", $"{Crisis} {Guid.NewGuid():N}");
        await forum.MailIdleAsync();
        var mailedBefore = smtp.Received.Count;

        var support = await author.Client.SubmitAsync(thread, Compose.ReplyForm, new Dictionary<string, string?> { ["Body"] = body });

        Assert.Equal("/posting/support", support.Url);
        Assert.Equal(ModerationOptions.DefaultCrisisResources, support.TextsOf(".crisis-support li"));
        var back = support.Document.QuerySelector("main a.button")!.GetAttribute("href")!;
        Assert.StartsWith(path, back, StringComparison.Ordinal);
        var postId = int.Parse(back[(back.IndexOf("#post-", StringComparison.Ordinal) + "#post-".Length)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("/", (await author.Client.GetOkAsync("/posting/support")).Url);
        Assert.Contains(body, await Moderating.PostTextAsync(forum.CreateForumClient(), path, postId), StringComparison.Ordinal);

        var queue = await moderator.Client.GetOkAsync("/moderation");
        var first = queue.Document.QuerySelector("ol > li")!;
        Assert.Equal($"queue-{postId}", first.Id);
        Assert.Contains("Self-harm concern", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Raised automatically", first.TextContent, StringComparison.Ordinal);
        foreach (var address in new[] { moderator.Email, ContactForum.ConfiguredModerator })
        {
            var alert = await smtp.WaitForAsync(address, "Urgent", TimeSpan.FromSeconds(10));
            Assert.Contains($"/moderation/posts/{postId}", alert.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("want to die", alert.TextBody, StringComparison.Ordinal);
        }
        await forum.MailIdleAsync();
        Assert.DoesNotContain(smtp.Received.Skip(mailedBefore), m => m.To.ToString().Contains(author.Email, StringComparison.OrdinalIgnoreCase)
            || m.To.ToString().Contains(flagger.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EverydayPainTalk_TriggersNothing()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var author = await Staff.MemberAsync(forum);
        var moderator = await forum.StaffAsync("moderator");
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Pain thread {Guid.NewGuid():N}", "An opening post.");
        var thread = await author.Client.GetOkAsync(path);

        var page = await author.Client.SubmitAsync(thread, Compose.ReplyForm, new Dictionary<string, string?>
        {
            ["Body"] = Canaries.PlantText("post body", $"Honestly this pain is killing me today, the flare is the worst yet. {Guid.NewGuid():N}"),
        });

        Assert.StartsWith(path, page.Url, StringComparison.Ordinal);
        Assert.Null((await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelector("ol > li"));
        await forum.MailIdleAsync();
        Assert.DoesNotContain(smtp.Received, m => (m.Subject ?? "").Contains("Urgent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrisisThread_WithHoldCrisisPosts_IsHeldForReview_AndStillAlertsTheModerators()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Safety:HoldCrisisPosts"] = "true" });
        var author = await Staff.MemberAsync(forum);
        var moderator = await forum.StaffAsync("moderator");
        var title = $"Held crisis thread {Guid.NewGuid():N}";

        var page = await Compose.StartThreadAsync(author, "rehab", title, $"{Crisis} {Guid.NewGuid():N}");

        Assert.Contains("Awaiting review", page.TextOf("article.post-opening .post-notice"), StringComparison.Ordinal);
        Assert.Equal(PostState.Held, await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Thread!.Title == title).Select(p => p.State).SingleAsync()));
        Assert.DoesNotContain(title, (await forum.CreateForumClient().GetOkAsync("/t/rehab")).Text, StringComparison.Ordinal);
        await smtp.WaitForAsync(moderator.Email, "Urgent", TimeSpan.FromSeconds(10));
    }
}
