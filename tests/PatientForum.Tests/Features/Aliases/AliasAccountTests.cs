using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.AccountDeletion;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Notifications;
using static PatientForum.Tests.Features.DataExport.Exporting;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Aliases;

/// <summary>
/// Aliased posts are the member's own where their data goes: their export holds them, marked with the alias; deleting the
/// account erases them or leaves them under the alias with nothing left to link it; and admins can keep reveals to themselves.
/// </summary>
public sealed class AliasAccountTests
{
    [Fact]
    public async Task Export_OfTheMember_HoldsTheirAliasedPosts_MarkedWithTheAlias()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await Staff.MemberAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        var title = Unique("Exported alias thread");
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", title, "Aliased words to export.");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;

        await PrepareAsync(member);
        await SettledAsync(forum);
        using var response = await member.Client.Http.GetAsync(new Uri(DownloadPath(smtp, member.Email), UriKind.Relative));
        var files = await FilesAsync(response);

        var post = Json(files, "posts.json").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == postId);
        Assert.Equal(alias.DisplayName, Text(post, "postedAs"));
        Assert.Contains(Json(files, "threads.json").EnumerateArray(), t => Text(t, "title") == title);
    }

    [Fact]
    public async Task DeleteAccount_Anonymize_LeavesPostsUnderTheAlias_Unlinked_Erase_RemovesTheirText()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var keeper = await Staff.MemberAsync(forum);
        var eraser = await Staff.MemberAsync(forum);
        var keeperId = await ModerationState.UserIdAsync(forum, keeper.Email);
        var eraserId = await ModerationState.UserIdAsync(forum, eraser.Email);
        var kept = await Aliasing.StartThreadPathAsync(keeper, "rehab", Unique("Kept under alias"), "Words that stay.");
        var erased = await Aliasing.StartThreadPathAsync(eraser, "rehab", Unique("Erased under alias"), "Words that go.");
        var keptAlias = (await Aliasing.AliasOfAsync(forum, keeperId, "rehab"))!;
        var erasedAlias = (await Aliasing.AliasOfAsync(forum, eraserId, "rehab"))!;
        var erasedPost = await ModerationState.OpeningPostIdAsync(eraser.Client, erased);

        await Deleting.DeleteAccountAsync(keeper, "anonymize");
        await Deleting.DeleteAccountAsync(eraser, "erase");

        using var visitor = forum.CreateForumClient();
        var page = await visitor.GetOkAsync(kept);
        Assert.Equal(keptAlias.DisplayName, page.TextOf(".post .post-author"));
        Assert.Contains("Words that stay.", page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await ModerationState.QueryAsync(forum, db => db.MemberAliases.CountAsync(a => a.OwnerId == keeperId || a.OwnerId == eraserId)));
        Assert.Equal(2, await ModerationState.QueryAsync(forum, db => db.MemberAliases.CountAsync(a => a.Number == keptAlias.Number || a.Number == erasedAlias.Number)));
        // Erased: its text is gone (the thread, left with nothing else, goes with it).
        Assert.False(await ModerationState.QueryAsync(forum, db => db.Posts.AnyAsync(p => p.Id == erasedPost && p.Markdown != "")));
    }

    [Fact]
    public async Task ReplyMail_ToAFollower_NamesTheAlias_NeverTheMemberBehindIt()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Notifications:MinimalMail"] = "false" }) { Clock = time };
        var follower = await Staff.MemberAsync(forum);
        var member = await Staff.MemberAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        (await follower.Client.SubmitAsync("/account/notifications", "/account/notifications", new Dictionary<string, string?>
        {
            ["AutoWatch"] = "true", ["ReplyMail"] = "Immediately", ["MentionMail"] = "true", ["ModerationMail"] = "true",
        })).EnsureSuccess();
        var title = Unique("Followed thread");
        var path = await Compose.StartThreadPathAsync(follower, "rehab", title, "Opening words.");
        await Aliasing.ReplyAsync(member, path, "An aliased reply.");
        await SettledAsync(forum);

        time.Advance(TimeSpan.FromMinutes(5));
        var mailer = forum.Services.GetServices<IHostedService>().OfType<NotificationMailer>().Single();
        await mailer.WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await forum.MailIdleAsync();

        var alias = (await Aliasing.AliasOfAsync(forum, memberId, "rehab"))!;
        var mail = Assert.Single(smtp.To(follower.Email), m => m.Headers.Contains("List-Unsubscribe"));
        Assert.Contains($"{alias.DisplayName} replied in", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(memberId, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_WhenRevealRequiresAdmin_RefusesAModerator_AndAllowsAnAdmin()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Aliases:RevealRequiresAdmin"] = "true" });
        var member = await Staff.MemberAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var admin = await Staff.AdminAsync(forum);
        var path = await Aliasing.StartThreadPathAsync(member, "rehab", Unique("Admins only reveal"), "Words.");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var reason = new Dictionary<string, string?> { ["Reason"] = "A legal request" };

        var refused = await moderator.Client.PostAsync($"/moderation/posts/{postId}/reveal", reason);
        var allowed = await admin.Client.PostAsync($"/moderation/posts/{postId}/reveal", reason);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.DoesNotContain(member.DisplayName, refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal(member.DisplayName, allowed.TextOf("[data-revealed-member]"));
        Assert.Equal(1, await ModerationState.QueryAsync(forum, db => db.ModerationActions.CountAsync(a => a.PostId == postId)));
    }
}
