using System.Net;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Moderation;

public sealed class AuditLogTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task EveryModeratorAction_IsLoggedWithWhoWhatWhereAndWhy()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "A post to act on.");
        var threadId = Compose.ThreadId(path);
        var moderator = await Staff.ModeratorAsync(factory);
        var admin = await Staff.AdminAsync(factory);

        foreach (var action in new[] { "hide", "restore", "keep", "delete" })
        {
            await Moderating.ActAsync(moderator, postId, action, $"reason for {action}");
        }
        await moderator.Client.SubmitAsync(await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/edit"), "form.composer",
            new Dictionary<string, string?> { ["Body"] = "Redacted.", ["Reason"] = "reason for edit" });
        foreach (var action in new[] { "lock", "unlock", "pin", "unpin" })
        {
            await Moderating.ThreadActAsync(moderator, threadId, action, $"reason for {action}");
        }
        await Moderating.ThreadActAsync(moderator, threadId, "move", "reason for move", "1");
        var userPage = $"/moderation/users/{await UserIdAsync(author.Email)}";
        await moderator.Client.SubmitAsync(await moderator.Client.GetOkAsync(userPage), "form[action$='/suspend']", new Dictionary<string, string?> { ["Days"] = "1", ["Reason"] = "reason for suspend" });
        await moderator.Client.SubmitAsync(await moderator.Client.GetOkAsync(userPage), "form[action$='/unsuspend']", new Dictionary<string, string?> { ["Reason"] = "reason for unsuspend" });
        var staff = await admin.Client.GetOkAsync("/admin/moderators");
        await admin.Client.SubmitAsync(staff, "form[action='/admin/moderators/grant']", new Dictionary<string, string?> { ["email"] = author.Email });
        await admin.Client.SubmitAsync(await admin.Client.GetOkAsync("/admin/moderators"), "form[action='/admin/moderators/revoke']:has(input[value])", new Dictionary<string, string?>
        {
            ["userId"] = await UserIdAsync(author.Email),
        });

        var log = await moderator.Client.GetOkAsync("/moderation/log");
        var rows = log.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        foreach (var (kind, reason) in new[]
        {
            ("HidePost", "reason for hide"), ("RestorePost", "reason for restore"), ("KeepPost", "reason for keep"), ("DeletePost", "reason for delete"),
            ("EditPost", "reason for edit"), ("LockThread", "reason for lock"), ("UnlockThread", "reason for unlock"), ("PinThread", "reason for pin"),
            ("UnpinThread", "reason for unpin"), ("MoveThread", "reason for move"), ("SuspendUser", "reason for suspend"), ("UnsuspendUser", "reason for unsuspend"),
        })
        {
            Assert.Contains(rows, r => r.Contains(kind, StringComparison.Ordinal) && r.Contains(reason, StringComparison.Ordinal) && r.Contains(moderator.DisplayName, StringComparison.Ordinal));
        }
        Assert.Contains(rows, r => r.Contains("GrantModerator", StringComparison.Ordinal) && r.Contains(admin.DisplayName, StringComparison.Ordinal) && r.Contains(author.DisplayName, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("RevokeModerator", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "/moderation/log")]
    [InlineData("PUT", "/moderation/log")]
    [InlineData("DELETE", "/moderation/log")]
    [InlineData("POST", "/moderation/log/1")]
    [InlineData("DELETE", "/moderation/log/1")]
    [InlineData("POST", "/moderation/log/1/edit")]
    public async Task NoRoute_ChangesOrDeletesLogEntries(string method, string path)
    {
        var admin = await Staff.AdminAsync(factory);

        using var response = await admin.Client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest,
            $"{method} {path} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task LogEntries_CannotBeChangedOrDeleted_ByTheAppOrDirectlyInTheDatabase()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "Logged post.");
        var moderator = await Staff.ModeratorAsync(factory);
        await Moderating.ActAsync(moderator, postId, "hide", "original reason");

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            var entry = await db.ModerationActions.OrderByDescending(a => a.Id).FirstAsync();
            entry.Reason = "rewritten";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            db.ChangeTracker.Clear();
            db.ModerationActions.Remove(await db.ModerationActions.OrderByDescending(a => a.Id).FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        foreach (var sql in new[] { """UPDATE "ModerationActions" SET "Reason" = 'rewritten'""", """DELETE FROM "ModerationActions" """ })
        {
            await Assert.ThrowsAnyAsync<DbException>(() => factory.Database.ExecuteAsync(sql));
        }
        Assert.Contains("original reason", (await moderator.Client.GetOkAsync("/moderation/log")).Text, StringComparison.Ordinal);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
