using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// Forum:Security:RequireTwoFactorForStaff, on by default: moderators and admins without two-factor sign-in are
/// sent to set it up, refused on posts and the live queue, and let in the moment they turn it on.
/// </summary>
public sealed class StaffTwoFactorTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task ModeratorWithoutTwoFactor_OpeningModeration_IsSentToSetUpWithTheReason()
    {
        var moderator = await Staff.CreateAsync(factory, ForumRoles.Moderator, twoFactor: false);
        var raw = factory.CreateForumClient(followRedirects: false);
        await Members.SignInAsync(raw, moderator);

        var redirect = await raw.GetAsync("/moderation/log?page=2");
        var page = await moderator.Client.GetAsync("/moderation");

        Assert.Equal(HttpStatusCode.Redirect, redirect.Status);
        Assert.Equal("/account/two-factor?returnUrl=%2Fmoderation%2Flog%3Fpage%3D2", redirect.Response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Two-factor sign-in", page.TextOf("h1"));
        Assert.Contains("Moderators and admins must turn on two-factor sign-in", page.TextOf(".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminWithoutTwoFactor_OpeningTheAdminPage_IsSentToSetUp()
    {
        var admin = await Staff.CreateAsync(factory, ForumRoles.Admin, twoFactor: false);

        var page = await admin.Client.GetAsync("/admin/moderators");

        Assert.Equal("/account/two-factor?returnUrl=%2Fadmin%2Fmoderators", page.Url);
    }

    [Fact]
    public async Task ModeratorWithoutTwoFactor_IsRefused403OnPostsAndTheLiveQueue_UntilTurningItOnOpensEverythingAtOnce()
    {
        var moderator = await Staff.CreateAsync(factory, ForumRoles.Moderator, twoFactor: false);
        var author = await Members.RegisterConfirmedAsync(factory);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(author, "rehab", $"Two-factor lock {Guid.NewGuid():N}", "A thread to lock."));

        var refused = await moderator.Client.PostAsync($"/moderation/threads/{threadId}/lock", new Dictionary<string, string?> { ["Reason"] = "test" });
        await using (var hub = await LiveClient.ConnectAsync(factory, moderator.Client))
        {
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync(nameof(ForumHub.JoinModerators)));
        }
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.False(await LockedAsync(threadId));

        // The same session, with no new sign-in: turning two-factor on refreshes its cookie.
        var setUp = await moderator.Client.GetOkAsync("/account/two-factor?returnUrl=%2Fmoderation");
        var done = await moderator.Client.SubmitAsync(setUp, "form[action='/account/two-factor/enable']", new Dictionary<string, string?>
        {
            ["Code"] = Totp.Code(setUp.TextOf("#shared-key")!),
        });
        Assert.Equal("/moderation", done.Document.QuerySelector("main a[href='/moderation']")?.GetAttribute("href"));

        var queue = await moderator.Client.GetOkAsync("/moderation");
        Assert.Equal("Review queue", queue.TextOf("h1"));
        var locked = await moderator.Client.PostAsync($"/moderation/threads/{threadId}/lock", new Dictionary<string, string?> { ["Reason"] = "test" });
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.True(await LockedAsync(threadId));
        await using var joined = await LiveClient.ConnectAsync(factory, moderator.Client);
        await joined.InvokeAsync(nameof(ForumHub.JoinModerators));
    }

    [Fact]
    public async Task MemberWithoutARole_OpeningModeration_GetsAccessDeniedNotTheSetUpPage()
    {
        var member = await Staff.MemberAsync(factory);
        var raw = factory.CreateForumClient(followRedirects: false);
        await Members.SignInAsync(raw, member);

        var page = await raw.GetAsync("/moderation");

        Assert.Equal("/account/access-denied", LocationPath(page));
    }

    private Task<bool> LockedAsync(int threadId) =>
        ModerationState.QueryAsync(factory, db => db.Threads.Where(t => t.Id == threadId).Select(t => t.IsLocked).SingleAsync());
}

/// <summary>With Forum:Security:RequireTwoFactorForStaff false, staff need no second factor.</summary>
public sealed class StaffTwoFactorOptionalTests(StaffTwoFactorOptionalTests.Forum forum) : IClassFixture<StaffTwoFactorOptionalTests.Forum>
{
    public sealed class Forum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:Security:RequireTwoFactorForStaff"] = "false" };
    }

    [Fact]
    public async Task ModeratorWithoutTwoFactor_WhenNotRequired_OpensTheQueueAndActs()
    {
        var moderator = await Staff.CreateAsync(forum, ForumRoles.Moderator, twoFactor: false);
        var author = await Members.RegisterConfirmedAsync(forum);
        var threadId = Compose.ThreadId(await Compose.StartThreadPathAsync(author, "rehab", $"Optional lock {Guid.NewGuid():N}", "A thread to lock."));

        var queue = await moderator.Client.GetOkAsync("/moderation");
        var locked = await moderator.Client.PostAsync($"/moderation/threads/{threadId}/lock", new Dictionary<string, string?> { ["Reason"] = "test" });

        Assert.Equal("Review queue", queue.TextOf("h1"));
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.True(await ModerationState.QueryAsync(forum, db => db.Threads.Where(t => t.Id == threadId).Select(t => t.IsLocked).SingleAsync()));
    }
}
