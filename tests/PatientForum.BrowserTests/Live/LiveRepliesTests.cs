using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientForum.BrowserTests.Live;

[Collection(SecondBrowser.Name)]
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

        await DisconnectAsync(reader, author);
        await Expect(status).ToHaveTextAsync("Live updates are paused. Reconnecting…");

        var text = $"Posted while you were away {Guid.NewGuid():N}";
        await author.Page.GotoAsync(thread);
        await BrowserMembers.ReplyAsync(author.Page, text);
        await Expect(reader.Page.Locator(".post-body", new() { HasText = text })).ToHaveCountAsync(0);
        await LetReconnectAsync(reader);

        await Expect(reader.Page.Locator(".post-body", new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(status).ToBeHiddenAsync();
        reader.ExpectNetworkErrors = author.ExpectNetworkErrors = false;
        author.AssertNoProblems();
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task Replies_MoreThanOneCatchUpCallHolds_PostedWhileReaderIsDisconnected_AllAppearInOrder()
    {
        // The hub returns at most 100 replies a call (ForumHub.CatchUpLimit).
        const int missed = 105;
        using var author = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        var thread = await author.StartThreadAsync("rehab", $"Busy thread {Guid.NewGuid():N}", "So many replies at once.");
        await using var reader = await fixture.NewPageAsync();
        await reader.Page.GotoAsync(thread);
        await reader.WaitForLiveAsync();

        await DisconnectAsync(reader);
        var threadId = int.Parse(thread.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var expected = Enumerable.Range(1, missed).Select(i => $"Missed reply number {i}.").ToList();
        foreach (var text in expected)
        {
            await (await author.PrepareReplyAsync(thread, threadId, text))();
        }
        await LetReconnectAsync(reader);

        var bodies = reader.Page.Locator("article.post .post-body");
        await Expect(bodies).ToHaveCountAsync(missed + 1, new() { Timeout = 30_000 });
        Assert.Equal(expected, (await bodies.AllInnerTextsAsync()).Skip(1).Select(text => text.Trim()));
        await Expect(reader.Page.Locator("[aria-live='polite'].visually-hidden")).ToHaveTextAsync($"{missed} new replies were posted.");
        await Expect(reader.Page.Locator("[data-live-status]")).ToBeHiddenAsync();
        reader.ExpectNetworkErrors = false;
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task TopicPage_Reconnecting_ShowsThreadsStartedAndRepliedToWhileAway_InActivityOrder()
    {
        await using var author = await fixture.NewPageAsync();
        await using var reader = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(author, fixture.Server);
        var older = $"Referral letter questions {Guid.NewGuid():N}";
        var olderPath = await BrowserMembers.StartThreadAsync(author.Page, "surgical-referral", older, "Who writes the letter?");
        await reader.Page.GotoAsync("/t/surgical-referral");
        await reader.WaitForLiveAsync();
        await Expect(reader.Page.Locator(".thread-row", new() { HasText = older })).ToContainTextAsync("0 replies");

        await DisconnectAsync(reader, author);
        var newer = $"Started while you were away {Guid.NewGuid():N}";
        await BrowserMembers.StartThreadAsync(author.Page, "surgical-referral", newer, "A new question.");
        await author.Page.GotoAsync(olderPath);
        await BrowserMembers.ReplyAsync(author.Page, "My GP wrote mine.");
        await Expect(reader.Page.Locator(".thread-row", new() { HasText = newer })).ToHaveCountAsync(0);
        await LetReconnectAsync(reader);

        // The thread replied to last comes first, then the one started before it; pinned threads keep their place.
        var rows = reader.Page.Locator(".thread-row[data-pinned='false']");
        await Expect(rows.Nth(1)).ToContainTextAsync(newer, new() { Timeout = 30_000 });
        await Expect(rows.Nth(0)).ToContainTextAsync(older);
        await Expect(rows.Nth(0)).ToContainTextAsync("1 reply");
        await Expect(reader.Page.Locator(".thread-row", new() { HasText = older })).ToHaveCountAsync(1);
        await Expect(reader.Page.Locator("[data-live-status]")).ToBeHiddenAsync();
        await PageChecks.AssertNoAxeViolationsAsync(reader.Page, "topic page after reconnecting");
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
        await Expect(row.Locator(".thread-title a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/threads/\d+/prp-for-a-shoulder-"));
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

    /// <summary>
    /// Takes the server away under an open page and starts it again, holding the page's reconnection back (until
    /// <see cref="LetReconnectAsync"/>) so that what is posted meanwhile can only reach it through the catch-up.
    /// </summary>
    private async Task DisconnectAsync(WatchedPage reader, WatchedPage? other = null)
    {
        reader.ExpectNetworkErrors = true;
        if (other is not null)
        {
            other.ExpectNetworkErrors = true;
        }
        await reader.Page.RouteAsync("**/hubs/forum/negotiate**", route => route.AbortAsync());
        await fixture.Server.StopAsync();
        await Expect(reader.Page.Locator("[data-live-status]")).ToBeVisibleAsync(s_fewSeconds);
        await fixture.Server.StartAsync();
    }

    private static Task LetReconnectAsync(WatchedPage reader) => reader.Page.UnrouteAllAsync();
}
