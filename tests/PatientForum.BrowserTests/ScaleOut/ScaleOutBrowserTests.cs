using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientForum.BrowserTests.ScaleOut;

/// <summary>
/// Two forum processes, A and B, on one PostgreSQL database and one Redis (the test Redis, under the database's
/// own prefix), as behind a proxy: a page open on one instance shows what is posted through the other.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ScaleOutBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Reply_PostedThroughA_AppearsWithoutReloadOnThreadPageOpenOnB()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-browser", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var database = TestDatabase.CreatePostgres(data);
            await using var a = await StartAsync(database);
            await using var b = await StartAsync(database);
            using var member = await ForumClient.CreateConfirmedMemberAsync(a);
            var path = await member.StartThreadAsync("rehab", $"Read on the other instance {Guid.NewGuid():N}", "Opening post, written on A.");
            var threadId = int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
            var text = $"Posted through A {Guid.NewGuid():N}";
            var sendReply = await member.PrepareReplyAsync(path, threadId, text);

            await using var visitor = await fixture.NewPageAsync(server: b);
            await visitor.Page.GotoAsync(path);
            await visitor.WaitForLiveAsync();
            await visitor.Page.EvaluateAsync("() => { window.__sameDocument = true; }");
            await sendReply();

            var shown = visitor.Page.Locator(".post-body", new() { HasText = text });
            await Expect(shown).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(shown).ToHaveCountAsync(1);
            Assert.True(await visitor.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page on B was reloaded.");
            await PageChecks.AssertNoAxeViolationsAsync(visitor.Page, "thread page on B after the live reply");
            visitor.AssertNoProblems();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task<ForumServer> StartAsync(TestDatabase database) =>
        ForumServer.StartNewAsync(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" }, database);
}
