using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.DataExport;
using static PatientForum.Tests.Features.DataExport.Exporting;

namespace PatientForum.Tests.Features.DataExport;

/// <summary>Who may download an export, for how long, how often one may be asked for, and that a queued one survives a restart.</summary>
public sealed class DataExportAccessTests
{
    [Fact]
    public async Task Download_ByAnotherMember_IsNotFound_AndAVisitorIsSentToSignIn()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await Staff.MemberAsync(forum);
        var other = await Staff.MemberAsync(forum);
        await PrepareAsync(member);
        await SettledAsync(forum);
        var path = DownloadPath(smtp, member.Email);

        using var theirs = await other.Client.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.NotEqual("application/zip", theirs.Content.Headers.ContentType?.MediaType);
        var visitor = forum.CreateForumClient(followRedirects: false);
        var anonymous = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Equal("/account/login", anonymous.Response.Headers.Location?.AbsolutePath);

        var page = await member.Client.GetOkAsync("/account/export");
        Assert.Equal("Ready", page.Document.QuerySelector("[data-export-state]")?.GetAttribute("data-export-state"));
        Assert.Equal(path, page.Document.QuerySelector($"a[href='{path}']")?.GetAttribute("href"));
        Assert.DoesNotContain(path, (await other.Client.GetOkAsync("/account/export")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_AfterExpiry_IsGone_AndTheWorkerDeletesTheFile()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Export:KeepHours"] = "24" }) { Clock = time };
        var member = await Staff.MemberAsync(forum);
        await PrepareAsync(member);
        await SettledAsync(forum);
        var path = DownloadPath(smtp, member.Email);
        var folder = forum.Services.GetRequiredService<ExportFolder>().Path;
        Assert.Single(Directory.GetFiles(folder, "*.zip"));

        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        using (var stillThere = await member.Client.Http.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }
        time.Advance(TimeSpan.FromMinutes(2));
        var gone = await member.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Equal("This export has expired", gone.TextOf("h1"));
        Assert.Contains("no-store", gone.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        await SettledAsync(forum);
        Assert.Empty(Directory.GetFiles(folder));
        Assert.Equal(HttpStatusCode.Gone, (await member.Client.GetAsync(path)).Status);
        Assert.Equal("Expired", (await member.Client.GetOkAsync("/account/export")).Document.QuerySelector("[data-export-state]")?.GetAttribute("data-export-state"));
    }

    [Fact]
    public async Task Prepare_PastThePerDayLimit_IsRefusedOnThePage_With429()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:RateLimits:Enabled"] = "true", ["Forum:Export:PerDay"] = "2" });
        var member = await Staff.MemberAsync(forum);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PrepareAsync(member)).Status);
            await SettledAsync(forum);
        }

        var refused = await PrepareAsync(member);

        Assert.Equal((HttpStatusCode)429, refused.Status);
        Assert.NotNull(refused.Response.Headers.RetryAfter);
        Assert.Contains("You can ask again in", refused.TextOf(".form-errors"), StringComparison.Ordinal);
        Assert.Equal(2, await ModerationState.QueryAsync(forum, db => Task.FromResult(db.MemberExports.Count())));
    }

    [Fact]
    public async Task QueuedExport_WhenTheForumStops_IsMadeAfterTheRestart()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.Create(data);
        await using var smtp = await TestSmtpServer.StartNewAsync();
        Member member;
        using (var before = new ContactForum(smtp, database: database))
        {
            member = await Staff.MemberAsync(before);
            // The worker stops first, as it would in a crash just after the request was saved.
            await before.Services.GetRequiredService<DataExportWorker>().StopAsync(CancellationToken.None);
            await PrepareAsync(member);
            Assert.Equal(MemberExportState.Queued, await ModerationState.QueryAsync(before, db => Task.FromResult(db.MemberExports.Single().State)));
        }

        using var after = new ContactForum(smtp, database: database);
        _ = after.Server;
        await SettledAsync(after);

        Assert.Equal(MemberExportState.Ready, await ModerationState.QueryAsync(after, db => Task.FromResult(db.MemberExports.Single().State)));
        var client = after.CreateForumClient();
        await Members.SignInAsync(client, member);
        using var download = await client.Http.GetAsync(new Uri(DownloadPath(smtp, member.Email), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains(member.DisplayName, (await FilesAsync(download))["account.json"], StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Export_WhenTheForumStopsRightAfterTheWorkerClaimedIt_IsMadeAtOnceAfterTheRestart()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var database = TestDatabase.Create(data);
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var stop = new StopAfterClaim("MemberExports");
        Member member;
        using (var before = new ContactForum(smtp, database: database) { TestServices = stop.AddTo })
        {
            stop.Watch(before);
            member = await Staff.MemberAsync(before);
            await PrepareAsync(member);
            await stop.Claimed.WaitAsync(TimeSpan.FromSeconds(60));
        }

        // Handed back, not left to the claim's lease (15 minutes): the next start makes it.
        using var after = new ContactForum(smtp, database: database);
        _ = after.Server;
        await SettledAsync(after);

        Assert.Equal(MemberExportState.Ready, await ModerationState.QueryAsync(after, db => Task.FromResult(db.MemberExports.Single().State)));
        await smtp.WaitForAsync(member.Email, ReadySubject);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task AdminExport_IsAudited_AndOnlyAdminsMayDownloadIt()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await Staff.MemberAsync(forum);
        var admin = await Staff.AdminAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);

        var userPage = await admin.Client.GetOkAsync($"/moderation/users/{memberId}");
        var exportPage = await admin.Client.GetOkAsync(userPage.Document.QuerySelector("a[href$='/export']")!.GetAttribute("href")!);
        await admin.Client.SubmitAsync(exportPage, $"form[action='/admin/users/{memberId}/export']", new Dictionary<string, string?>());
        await SettledAsync(forum);

        var path = DownloadPath(smtp, admin.Email);
        Assert.DoesNotContain(smtp.To(member.Email), m => (m.Subject ?? "").Contains(ReadySubject, StringComparison.Ordinal));
        Assert.True(await ModerationState.QueryAsync(forum, db => Task.FromResult(db.ModerationActions.Any(a =>
            a.Kind == ModerationKind.ExportMemberData && a.TargetUserId == memberId && a.Actor!.Email == admin.Email))));
        using (var byAdmin = await admin.Client.Http.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
            Assert.Contains(member.Email, (await FilesAsync(byAdmin))["account.json"], StringComparison.Ordinal);
        }
        foreach (var notAdmin in new[] { member, moderator })
        {
            using var refused = await notAdmin.Client.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        Assert.Contains(path, (await admin.Client.GetOkAsync($"/admin/users/{memberId}/export")).Text, StringComparison.Ordinal);
    }
}
