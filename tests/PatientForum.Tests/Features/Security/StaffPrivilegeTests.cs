using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Staff privileges hold only while staff meet the rules: not suspended, two-factor on where it is required.
/// Only admins suspend staff (or lift their suspension), and nobody changes their own suspension.
/// </summary>
public sealed class StaffPrivilegeTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task SuspendedModerator_IsRefusedModerationAndTheLiveQueue_AndNoLongerSeesHiddenPosts()
    {
        var admin = await Staff.AdminAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, $"Hidden before the suspension {Guid.NewGuid():N}.");
        await Moderating.ActAsync(admin, postId, "hide", "matrix");
        Assert.Contains("Hidden before the suspension", await Moderating.PostTextAsync(moderator.Client, path, postId), StringComparison.Ordinal);

        var suspended = await ModerationState.SuspendAsync(admin, await ModerationState.UserIdAsync(factory, moderator.Email), "2", "Stepping back");
        Assert.Equal(HttpStatusCode.OK, suspended.Status);
        var client = factory.CreateForumClient(followRedirects: false);
        await Members.SignInAsync(client, moderator);
        var logLength = await ModerationState.AuditCountAsync(factory);

        var queue = await client.GetAsync("/moderation");
        var restore = await client.PostAsync($"/moderation/posts/{postId}/restore", new Dictionary<string, string?> { ["Reason"] = "mine now" });

        Assert.Equal("/account/access-denied", LocationPath(queue));
        Assert.Equal("/account/access-denied", LocationPath(restore));
        Assert.Equal(logLength, await ModerationState.AuditCountAsync(factory));
        Assert.DoesNotContain("Hidden before the suspension", await Moderating.PostTextAsync(client, path, postId), StringComparison.Ordinal);
        await using var hub = await LiveClient.ConnectAsync(factory, client);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync(nameof(ForumHub.JoinModerators)));
    }

    [Fact]
    public async Task Moderator_CannotSuspendAnAdminOrAModerator_OrLiftTheirSuspension_AnAdminCan()
    {
        var admin = await Staff.AdminAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var colleague = await Staff.ModeratorAsync(factory);
        var adminId = await ModerationState.UserIdAsync(factory, admin.Email);
        var colleagueId = await ModerationState.UserIdAsync(factory, colleague.Email);
        var logLength = await ModerationState.AuditCountAsync(factory);

        var onAdmin = await ModerationState.SuspendAsync(moderator, adminId, "7", "Power grab");
        var onColleague = await ModerationState.SuspendAsync(moderator, colleagueId, "7", "Power grab");

        Assert.Equal(HttpStatusCode.Forbidden, onAdmin.Status);
        Assert.Equal("Only an admin can do that", onAdmin.TextOf("h1"));
        Assert.Equal(HttpStatusCode.Forbidden, onColleague.Status);
        Assert.Null(await SuspendedUntilAsync(adminId));
        Assert.Null(await SuspendedUntilAsync(colleagueId));
        Assert.Equal(logLength, await ModerationState.AuditCountAsync(factory));

        Assert.Equal(HttpStatusCode.OK, (await ModerationState.SuspendAsync(admin, colleagueId, "7", "A week off")).Status);
        Assert.NotNull(await SuspendedUntilAsync(colleagueId));
        Assert.Equal(HttpStatusCode.Forbidden, (await ModerationState.UnsuspendAsync(moderator, colleagueId, "Back you come")).Status);
        Assert.NotNull(await SuspendedUntilAsync(colleagueId));
        Assert.Equal(HttpStatusCode.OK, (await ModerationState.UnsuspendAsync(admin, colleagueId, "Back you come")).Status);
        Assert.Null(await SuspendedUntilAsync(colleagueId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Staff_CannotSuspendThemselves(bool asAdmin)
    {
        var staff = asAdmin ? await Staff.AdminAsync(factory) : await Staff.ModeratorAsync(factory);
        var id = await ModerationState.UserIdAsync(factory, staff.Email);

        var page = await ModerationState.SuspendAsync(staff, id, "1", "Oops");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("You cannot change your own suspension", page.TextOf("h1"));
        Assert.Null(await SuspendedUntilAsync(id));
    }

    [Fact]
    public async Task ModeratorWithoutTwoFactor_SeesNoHiddenPosts_UntilTheyTurnItOn()
    {
        var admin = await Staff.AdminAsync(factory);
        var moderator = await Staff.CreateAsync(factory, Web.Data.ForumRoles.Moderator, twoFactor: false);
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, $"Taken down for review {Guid.NewGuid():N}.");
        await Moderating.ActAsync(admin, postId, "hide", "matrix");

        Assert.DoesNotContain("Taken down for review", await Moderating.PostTextAsync(moderator.Client, path, postId), StringComparison.Ordinal);
        var home = await moderator.Client.GetOkAsync("/");
        Assert.NotNull(home.Document.QuerySelector("nav a[href='/moderation']"));
        Assert.StartsWith("/account/two-factor", (await moderator.Client.GetOkAsync("/moderation")).Url, StringComparison.Ordinal);

        await TwoFactor.EnableAsync(moderator.Client);
        Assert.Contains("Taken down for review", await Moderating.PostTextAsync(moderator.Client, path, postId), StringComparison.Ordinal);
    }

    private Task<DateTime?> SuspendedUntilAsync(string userId) =>
        ModerationState.QueryAsync(factory, db => db.Users.Where(u => u.Id == userId).Select(u => u.SuspendedUntil).SingleAsync());
}
