using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientForum.BrowserTests.Live;

[Collection(SharedBrowser.Name)]
public sealed class LiveRepliesTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions s_fewSeconds = new() { Timeout = 10_000 };

    [Fact]
    public async Task Reply_PostedByAuthor_AppearsLiveForAnonymousReader_AndOnceForAuthor()
    {
        await using var author = await fixture.NewPageAsync();
        await using var reader = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(author, fixture.Server);
        var thread = await BrowserMembers.StartThreadAsync(author.Page, "rehab", $"Live thread {Guid.NewGuid():N}", "How did your physio go?");
        await author.WaitForLiveAsync();
        await reader.Page.GotoAsync(thread);
        await reader.WaitForLiveAsync();
        await Expect(reader.Page.Locator("[data-presence]")).ToHaveTextAsync("2 reading now", new() { Timeout = 10_000 });

        var text = $"My physio made a plan with me {Guid.NewGuid():N}";
        await author.Page.GetByLabel("Your post").PressSequentiallyAsync("My physio");
        await Expect(reader.Page.Locator("[data-typing]")).ToContainTextAsync("is replying", new() { Timeout = 10_000 });
        await BrowserMembers.ReplyAsync(author.Page, text);

        await Expect(reader.Page.Locator(".post-body", new() { HasText = text })).ToBeVisibleAsync(s_fewSeconds);
        await author.WaitForLiveAsync();
        await Expect(author.Page.Locator(".post-body", new() { HasText = text })).ToHaveCountAsync(1);
        await Expect(reader.Page.Locator(".post-body", new() { HasText = text })).ToHaveCountAsync(1);
        author.AssertNoProblems();
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task Reply_PostedWhileReaderIsDisconnected_AppearsAfterServerRestart()
    {
        await using var author = await fixture.NewPageAsync();
        await using var reader = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(author, fixture.Server);
        var thread = await BrowserMembers.StartThreadAsync(author.Page, "injections", $"Restart thread {Guid.NewGuid():N}", "Waiting for my injection date.");
        await reader.Page.GotoAsync(thread);
        await reader.WaitForLiveAsync();
        var status = reader.Page.Locator("[data-live-status]");
        await Expect(status).ToBeHiddenAsync();

        // Hold the reader's reconnection back until the reply exists, so only the catch-up can deliver it.
        reader.ExpectNetworkErrors = author.ExpectNetworkErrors = true;
        await reader.Page.RouteAsync("**/hubs/forum/negotiate**", route => route.AbortAsync());
        await fixture.Server.StopAsync();
        await Expect(status).ToBeVisibleAsync(s_fewSeconds);
        await Expect(status).ToHaveTextAsync("Live updates are paused. Reconnecting…");
        await fixture.Server.StartAsync();

        var text = $"Posted while you were away {Guid.NewGuid():N}";
        await author.Page.GotoAsync(thread);
        await BrowserMembers.ReplyAsync(author.Page, text);
        await Expect(reader.Page.Locator(".post-body", new() { HasText = text })).ToHaveCountAsync(0);
        await reader.Page.UnrouteAllAsync();

        await Expect(reader.Page.Locator(".post-body", new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(status).ToBeHiddenAsync();
        reader.ExpectNetworkErrors = author.ExpectNetworkErrors = false;
        author.AssertNoProblems();
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task NewThread_InTopic_AppearsLiveOnOpenTopicPage()
    {
        await using var author = await fixture.NewPageAsync();
        await using var reader = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(author, fixture.Server);
        await reader.Page.GotoAsync("/t/biologics");
        await reader.WaitForLiveAsync();

        var title = $"PRP for a shoulder {Guid.NewGuid():N}";
        await BrowserMembers.StartThreadAsync(author.Page, "biologics", title, "Three months on, here is how it went.");

        var row = reader.Page.Locator(".thread-row", new() { HasText = title });
        await Expect(row).ToBeVisibleAsync(s_fewSeconds);
        await Expect(row.Locator("a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/threads/\d+/prp-for-a-shoulder-"));
        author.AssertNoProblems();
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task HostileReply_ArrivingLive_RunsNoScriptAndOpensNoDialog()
    {
        await using var author = await fixture.NewPageAsync();
        await using var reader = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(author, fixture.Server);
        var thread = await BrowserMembers.StartThreadAsync(author.Page, "rehab", $"Hostile {Guid.NewGuid():N}", "A normal opening post.");
        await reader.Page.GotoAsync(thread);
        await reader.WaitForLiveAsync();

        var marker = Guid.NewGuid().ToString("N");
        var body = string.Join("\n\n", HostilePayloads.ForLiveTest().Append($"end {marker}"));
        await BrowserMembers.ReplyAsync(author.Page, body);

        await Expect(reader.Page.Locator(".post-body", new() { HasText = marker })).ToBeVisibleAsync(s_fewSeconds);
        Assert.Equal("undefined", await reader.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, await reader.Page.Locator(".post-body script, .post-body iframe, .post-body [onerror], .post-body [onload]").CountAsync());
        var hrefs = await reader.Page.Locator(".post-body a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href') || '')");
        Assert.All(hrefs, href => Assert.DoesNotMatch("^(?i)\\s*(javascript|vbscript|data):", href));
        reader.AssertNoProblems();
        author.AssertNoProblems();
    }
}
