using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Live;

/// <summary>
/// Live pushes follow who may read a thread or post now, not who could when their page joined: a visitor whose page
/// was open before a hide hears nothing written after it, and a moderator demoted while connected loses staff pushes.
/// </summary>
public sealed class HiddenLiveTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task ReplyAndEdit_AfterAModeratorHidesTheThread_ReachStaff_NotAVisitorWhoJoinedBefore()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var thread = await HiddenThreads.StartAsync(author);
        await using var visitor = await LiveClient.ConnectAsync(factory);
        await using var staff = await LiveClient.ConnectAsync(factory, moderator.Client);
        var (visitorHeard, staffHeard) = (new LivePushes(visitor), new LivePushes(staff));
        await visitor.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id);
        await staff.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id);

        await Moderating.ActAsync(moderator, thread.OpeningPostId, "hide", "Shares a patient's full name");
        var notice = await visitorHeard.WaitForAsync("hidden by a moderator");
        var reply = await HiddenThreads.ReplyAsync(author, thread, "Written after the hide: my consultant's name.");
        await staffHeard.WaitForAsync("my consultant");
        await HiddenThreads.ModeratorEditAsync(moderator, reply, "Redacted after the hide: no names.");
        await staffHeard.WaitForAsync("Redacted after the hide");
        await LivePushes.SettleAsync(visitor);

        Assert.Equal(thread.OpeningPostId, notice.PostId);
        Assert.Empty(visitorHeard.Heard());
        Assert.Equal(thread.Id, await visitorHeard.WaitForThreadGoneAsync());
        await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id));
    }

    [Fact]
    public async Task Edit_OfAPostHiddenInAVisibleThread_IsNotPushedToTheVisitor_ButReachesStaffAndItsAuthor()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "My neighbour's diagnosis, in detail.");
        await using var visitor = await LiveClient.ConnectAsync(factory);
        await using var staff = await LiveClient.ConnectAsync(factory, moderator.Client);
        await using var own = await LiveClient.ConnectAsync(factory, author.Client);
        var (visitorHeard, staffHeard, authorHeard) = (new LivePushes(visitor), new LivePushes(staff), new LivePushes(own));
        foreach (var connection in new[] { visitor, staff, own })
        {
            await connection.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(path));
        }

        await Moderating.ActAsync(moderator, replyId, "hide", "Another person's health");
        var notice = await visitorHeard.WaitForAsync("hidden by a moderator");
        await HiddenThreads.ModeratorEditAsync(moderator, replyId, "Edited while hidden: still private.");
        await staffHeard.WaitForAsync("Edited while hidden");
        await authorHeard.WaitForAsync("Edited while hidden");
        await LivePushes.SettleAsync(visitor);

        Assert.Equal(replyId, notice.PostId);
        Assert.DoesNotContain("diagnosis", notice.Html, StringComparison.Ordinal);
        Assert.Empty(visitorHeard.Heard());
    }

    [Fact]
    public async Task Moderator_DemotedWhileConnected_HearsNoMoreOfAHiddenThread_AndStaffCallsAreRefused()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var thread = await HiddenThreads.StartAsync(author);
        await Moderating.ActAsync(moderator, thread.OpeningPostId, "hide", "Under review");
        await using var demoted = await LiveClient.ConnectAsync(factory, moderator.Client);
        await using var own = await LiveClient.ConnectAsync(factory, author.Client);
        var (demotedHeard, authorHeard) = (new LivePushes(demoted), new LivePushes(own));
        await demoted.InvokeAsync(nameof(ForumHub.JoinModerators));
        await demoted.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id);
        await own.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            var user = (await users.FindByEmailAsync(moderator.Email))!;
            Assert.True((await users.RemoveFromRoleAsync(user, ForumRoles.Moderator)).Succeeded);
        }
        await HiddenThreads.ReplyAsync(author, thread, "Only staff and I should read this.");
        await authorHeard.WaitForAsync("Only staff and I");
        await LivePushes.SettleAsync(demoted);

        Assert.Empty(demotedHeard.Heard());
        await Assert.ThrowsAsync<HubException>(() => demoted.InvokeAsync(nameof(ForumHub.JoinModerators)));
        await Assert.ThrowsAsync<HubException>(() => demoted.InvokeAsync<int>(nameof(ForumHub.JoinThread), thread.Id));
    }
}
