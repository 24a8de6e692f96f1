using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Tests.Features.Safety;

/// <summary>
/// An author's edit meets the same safety checks as a new post: personal information in the new text shows the form
/// again with the text kept until the author saves anyway (the kinds recorded), a hold rule takes the post out of view
/// until a moderator approves it, and crisis language routes the author to help and alerts the moderators at once.
/// </summary>
public sealed class EditSafetyTests
{
    private const string Phone = "07700 900123";

    [Fact]
    public async Task Edit_AddingAPhoneNumber_ShowsTheFormAgainWithTheWarning_AndPostAnywaySavesWithTheKindRecorded()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var author = await Staff.MemberAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Edit check {Guid.NewGuid():N}", "Week one went fine.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);
        var body = Canaries.PlantText("post body", $"Week one went fine. Call me on {Phone} if you want. {Guid.NewGuid():N}");
        var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");

        var warned = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Body"] = body });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.Status);
        Assert.Equal(body, warned.Document.QuerySelector("textarea[name='Body']")!.TextContent.TrimStart('\n'));
        Assert.Equal(Phone, warned.TextOf("[data-safety-warnings] mark"));
        Assert.DoesNotContain(Phone, await Moderating.PostTextAsync(forum.CreateForumClient(), path, postId), StringComparison.Ordinal);

        var saved = await author.Client.SubmitAsync(warned, "form.composer", new Dictionary<string, string?> { ["PostAnyway"] = "true" });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains(Phone, await Moderating.PostTextAsync(forum.CreateForumClient(), path, postId), StringComparison.Ordinal);
        Assert.Equal("PhoneNumber", await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.Id == postId).Select(p => p.PostedAnywayKinds).SingleAsync()));
    }

    [Fact]
    public async Task Edit_UnderAHoldRule_TakesTheReplyOutOfViewUntilApproved_AndQueuesItWithTheReason()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, HeldPostTests.HoldPhones());
        var (author, moderator) = (await Staff.MemberAsync(forum), await forum.StaffAsync("moderator"));
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "A plain reply, nothing personal.");
        var word = $"zq{Guid.NewGuid():N}"[..14];

        var form = await author.Client.GetOkAsync($"/posts/{replyId}/edit");
        var warned = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?>
        {
            ["Body"] = Canaries.PlantText("post body", $"Ring me on {Phone} about {word}."),
        });
        var saved = await author.Client.SubmitAsync(warned, "form.composer", new Dictionary<string, string?> { ["PostAnyway"] = "true" });

        Assert.Contains("Awaiting review", saved.Document.QuerySelector($"#post-{replyId}")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await forum.CreateForumClient().GetOkAsync(path)).Document.QuerySelector($"#post-{replyId}"));
        Assert.Empty(await Search.Searching.VisitorHitsAsync(forum, word));
        var item = (await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelector($"#queue-{replyId}")!;
        Assert.Contains("Held for review: posted anyway past the warning about phone number.", item.TextContent, StringComparison.Ordinal);
        Assert.Null((await author.Client.GetAsync($"/posts/{replyId}/edit")).Document.QuerySelector("form.composer"));

        await Moderating.ActAsync(moderator, replyId, "approve", "Their own number, their choice");

        Assert.Contains(word, await Moderating.PostTextAsync(forum.CreateForumClient(), path, replyId), StringComparison.Ordinal);
        // Published once already: approving the edit does not count the reply a second time.
        Assert.Equal(1, await ModerationState.QueryAsync(forum, db => db.Threads.Where(t => t.Id == Compose.ThreadId(path)).Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task Edit_WithCrisisLanguage_ShowsItsAuthorTheResources_AndAlertsTheModeratorsAtOnce()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var (author, moderator) = (await Staff.MemberAsync(forum), await forum.StaffAsync("moderator"));
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "An ordinary reply about my knee.");
        var body = Canaries.PlantText("post body", $"Some nights I want to die, and the pain is only part of it. {Guid.NewGuid():N}");
        var form = await author.Client.GetOkAsync($"/posts/{replyId}/edit");

        var support = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Body"] = body });

        Assert.Equal("/posting/support", support.Url);
        Assert.Equal(ModerationOptions.DefaultCrisisResources, support.TextsOf(".crisis-support li"));
        Assert.StartsWith(path, support.Document.QuerySelector("main a.button")!.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Contains(body, await Moderating.PostTextAsync(forum.CreateForumClient(), path, replyId), StringComparison.Ordinal);
        var first = (await moderator.Client.GetOkAsync("/moderation")).Document.QuerySelector("ol > li")!;
        Assert.Equal($"queue-{replyId}", first.Id);
        Assert.Contains("Raised automatically", first.TextContent, StringComparison.Ordinal);
        var alert = await smtp.WaitForAsync(moderator.Email, "Urgent", TimeSpan.FromSeconds(10));
        Assert.Contains($"/moderation/posts/{replyId}", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("want to die", alert.TextBody, StringComparison.Ordinal);
    }
}
