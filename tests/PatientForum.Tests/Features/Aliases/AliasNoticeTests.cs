using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Aliases;

/// <summary>
/// What the forum tells others and the member around an alias: the live "is replying" notice names nobody where the
/// reply may come under an alias, and a reveal reaches the member by mail as well as by notification, never naming
/// the moderator.
/// </summary>
public sealed class AliasNoticeTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Typing_InATopicThatAllowsAliases_NamesNobody_ElsewhereNamesTheWriter()
    {
        using var forum = new ForumFactory();
        await ModerationState.QueryAsync(forum, db => db.Topics.Where(t => t.Slug == "injections")
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.AllowAliases, false)));
        var starter = await Members.RegisterConfirmedAsync(forum);
        var writer = await Members.RegisterConfirmedAsync(forum);
        var aliased = Compose.ThreadId(await Compose.StartThreadPathAsync(starter, "rehab", Unique("Typing where aliases are"), "Words."));
        var plain = Compose.ThreadId(await Compose.StartThreadPathAsync(starter, "injections", Unique("Typing without aliases"), "Words."));
        await using var reader = await LiveClient.ConnectAsync(forum);
        await using var writing = await LiveClient.ConnectAsync(forum, writer.Client);
        var heard = Channel.CreateUnbounded<(int ThreadId, string Name)>();
        reader.On<int, string>(nameof(IForumClient.Typing), (id, name) => heard.Writer.TryWrite((id, name)));
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), aliased);
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), plain);

        await writing.InvokeAsync(nameof(ForumHub.Typing), aliased);
        var inAliasTopic = await ReadAsync(heard);
        await writing.InvokeAsync(nameof(ForumHub.Typing), plain);
        var inPlainTopic = await ReadAsync(heard);

        Assert.Equal((aliased, ForumHub.AnonymousWriter), inAliasTopic);
        Assert.Equal((plain, writer.DisplayName), inPlainTopic);
    }

    [Fact]
    public async Task Reveal_IsMailedToTheMemberWhoWantsModerationMail_NeverNamingTheModerator()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Notifications:MinimalMail"] = "false" }) { Clock = time };
        var member = await Staff.MemberAsync(forum);
        var quiet = await Staff.MemberAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        (await quiet.Client.SubmitAsync("/account/notifications", "/account/notifications", new Dictionary<string, string?>
        {
            ["AutoWatch"] = "true", ["ReplyMail"] = "Never", ["MentionMail"] = "false", ["ModerationMail"] = "false",
        })).EnsureSuccess();
        var title = Unique("Revealed by mail");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, await Aliasing.StartThreadPathAsync(member, "rehab", title, "Words."));
        var quietPost = await ModerationState.OpeningPostIdAsync(quiet.Client, await Aliasing.StartThreadPathAsync(quiet, "rehab", Unique("Quiet"), "Words."));
        var reason = new Dictionary<string, string?> { ["Reason"] = "A court order" };
        (await moderator.Client.PostAsync($"/moderation/posts/{postId}/reveal", reason)).EnsureSuccess();
        (await moderator.Client.PostAsync($"/moderation/posts/{quietPost}/reveal", reason)).EnsureSuccess();
        await SettledAsync(forum);

        time.Advance(TimeSpan.FromMinutes(5));
        var mailer = forum.Services.GetServices<IHostedService>().OfType<NotificationMailer>().Single();
        await mailer.WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await forum.MailIdleAsync();

        var mail = Assert.Single(smtp.To(member.Email), m => m.TextBody?.Contains("looked up who writes under your alias", StringComparison.Ordinal) == true);
        Assert.Contains(title, mail.TextBody, StringComparison.Ordinal);
        var everything = mail.Subject + mail.TextBody + mail.HtmlBody;
        Assert.DoesNotContain(moderator.DisplayName, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(moderator.Email, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("A court order", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.To(quiet.Email), m => m.TextBody?.Contains("looked up who writes under your alias", StringComparison.Ordinal) == true);
    }

    private static async Task<T> ReadAsync<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
