using System.Data.Common;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// The audit log, beyond <see cref="AuditLogTests"/>: each column of an entry (who, what, on what, why),
/// reasons for granting and revoking the moderator role, log routes tried with a valid token, and the
/// app's own bulk updates, which skip the change tracker.
/// </summary>
public sealed class AuditTrailTests(AuditTrailTests.LogForum factory) : IClassFixture<AuditTrailTests.LogForum>
{
    /// <summary>The forum, with one admin made on first use: the log-route cells only need someone allowed to try them.</summary>
    public sealed class LogForum : ForumFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Member? _admin;

        public async Task<Member> AdminAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _admin ??= await Staff.AdminAsync(this);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    [Fact]
    public async Task LogEntries_ShowWhoWhatTheTargetAndWhy_InTheirColumns()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "A post, its thread and its author get moderated.");
        var threadId = Compose.ThreadId(path);
        var moderator = await Staff.ModeratorAsync(factory);
        var authorId = await ModerationState.UserIdAsync(factory, author.Email);
        var injections = (await moderator.Client.GetOkAsync($"/moderation/threads/{threadId}"))
            .Document.QuerySelectorAll("#topicId option").First(o => o.TextContent == "Injections").GetAttribute("value");

        await Moderating.ActAsync(moderator, postId, "hide", "why hide");
        await Moderating.ThreadActAsync(moderator, threadId, "move", "why move", injections);
        await ModerationState.SuspendAsync(moderator, authorId, "2", "why suspend");

        var rows = (await moderator.Client.GetOkAsync("/moderation/log")).Document.QuerySelectorAll("tbody tr").Select(Cells).ToList();
        var hide = Assert.Single(rows, r => r[4] == "why hide");
        Assert.Equal([moderator.DisplayName, "HidePost", $"post {postId} ({author.DisplayName})"], hide[1..4]);
        var move = Assert.Single(rows, r => r[4] == "why move");
        Assert.Equal([moderator.DisplayName, "MoveThread from Rehab to Injections", $"thread {threadId} ({author.DisplayName})"], move[1..4]);
        var suspend = Assert.Single(rows, r => r[4] == "why suspend");
        Assert.Equal(moderator.DisplayName, suspend[1]);
        Assert.StartsWith($"SuspendUser until {DateTime.UtcNow.AddDays(2):yyyy-MM-dd}", suspend[2], StringComparison.Ordinal);
        Assert.Equal($"({author.DisplayName})", suspend[3]);
        Assert.Equal($"/moderation/users/{authorId}", suspend.Links.Single());
    }

    [Fact]
    public async Task GrantAndRevoke_AskTheAdminForAReason_AndTheLogShowsIt()
    {
        var admin = await Staff.AdminAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var staff = await admin.Client.GetOkAsync("/admin/moderators");
        Assert.True(staff.Document.QuerySelector("form[action='/admin/moderators/grant'] [name=Reason]") is not null,
            "The grant form on /admin/moderators has no Reason field, so the log cannot show why a moderator was appointed.");

        await admin.Client.SubmitAsync(staff, "form[action='/admin/moderators/grant']", new Dictionary<string, string?>
        {
            ["email"] = member.Email,
            ["Reason"] = "why grant",
        });
        var userId = await ModerationState.UserIdAsync(factory, member.Email);
        await admin.Client.SubmitAsync(await admin.Client.GetOkAsync("/admin/moderators"), $"form[action='/admin/moderators/revoke']:has(input[value='{userId}'])",
            new Dictionary<string, string?> { ["Reason"] = "why revoke" });

        var rows = (await admin.Client.GetOkAsync("/moderation/log")).Document.QuerySelectorAll("tbody tr").Select(Cells).ToList();
        Assert.Contains(rows, r => r[1] == admin.DisplayName && r[2] == "GrantModerator" && r[3] == $"({member.DisplayName})" && r[4] == "why grant");
        Assert.Contains(rows, r => r[1] == admin.DisplayName && r[2] == "RevokeModerator" && r[3] == $"({member.DisplayName})" && r[4] == "why revoke");
    }

    [Theory]
    [InlineData("POST", "/moderation/log")]
    [InlineData("PUT", "/moderation/log")]
    [InlineData("PATCH", "/moderation/log")]
    [InlineData("DELETE", "/moderation/log")]
    [InlineData("POST", "/moderation/log/{id}")]
    [InlineData("PUT", "/moderation/log/{id}")]
    [InlineData("DELETE", "/moderation/log/{id}")]
    [InlineData("POST", "/moderation/log/{id}/edit")]
    [InlineData("POST", "/moderation/log/{id}/delete")]
    public async Task LogRoute_WithAValidTokenFromAnAdmin_IsNotFoundOrNotAllowed_AndTheEntryStays(string method, string template)
    {
        var admin = await factory.AdminAsync();
        var (_, postId) = await Moderating.ThreadWithReplyAsync(admin, "A post whose log entry someone tries to erase.");
        await Moderating.ActAsync(admin, postId, "hide", "the entry to keep");
        var log = await admin.Client.GetOkAsync("/moderation/log");
        var entry = log.Document.QuerySelector("tbody tr")!;
        var path = template.Replace("{id}", entry.Id!["log-".Length..], StringComparison.Ordinal);
        var count = await ModerationState.AuditCountAsync(factory);

        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(log)), KeyValuePair.Create("Reason", "rewritten")]),
        };
        using var response = await admin.Client.Http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path} answered {(int)response.StatusCode}");
        Assert.Equal(count, await ModerationState.AuditCountAsync(factory));
        Assert.Equal("the entry to keep", (await admin.Client.GetOkAsync("/moderation/log")).Document.QuerySelector($"#{entry.Id} td:last-child")?.TextContent);
    }

    [Fact]
    public async Task BulkUpdateAndDelete_ThroughTheAppsDbContext_AreRefusedByTheDatabase()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, "A post for the bulk-delete check.");
        var moderator = await Staff.ModeratorAsync(factory);
        await Moderating.ActAsync(moderator, postId, "hide", "kept by the trigger");
        var count = await ModerationState.AuditCountAsync(factory);

        // ExecuteUpdate/ExecuteDelete never pass through SaveChanges, so only the database can stop them.
        await Assert.ThrowsAnyAsync<DbException>(() => ModerationState.QueryAsync(factory,
            db => db.ModerationActions.ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "rewritten"))));
        await Assert.ThrowsAnyAsync<DbException>(() => ModerationState.QueryAsync(factory, db => db.ModerationActions.ExecuteDeleteAsync()));

        Assert.Equal(count, await ModerationState.AuditCountAsync(factory));
        Assert.Contains("kept by the trigger", (await moderator.Client.GetOkAsync("/moderation/log")).Text, StringComparison.Ordinal);
    }

    /// <summary>The trimmed text of each cell of a log row (When, Who, What, On, Why), and the row's links.</summary>
    private static LogRow Cells(IElement row) => new(
        row.QuerySelectorAll("td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray(),
        row.QuerySelectorAll("td:nth-child(4) a[href^='/moderation/users/']").Select(a => a.GetAttribute("href")!).ToList());

    private sealed record LogRow(string[] Columns, IReadOnlyList<string> Links)
    {
        public string this[int index] => Columns[index];

        public string[] this[Range range] => Columns[range];
    }
}
