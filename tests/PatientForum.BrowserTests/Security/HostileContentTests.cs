using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PatientForum.BrowserTests.Security;

/// <summary>
/// Hostile content everywhere a member can put text (display names, titles, bodies, replies, edits, flag notes),
/// then every page that shows it, read by Chromium: no script may run, and no page, as rendered or as sent, may
/// hold an event-handler attribute or a javascript:, vbscript: or data: URL.
/// </summary>
[Collection(SecondBrowser.Name)]
public sealed class HostileContentTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Topic = HostileForum.Topic;

    [Fact]
    public async Task HostileNamesTitlesAndBodies_OnEveryPageThatShowsThem_RunNoScriptAndLeaveNoScriptUrls()
    {
        var clock = Stopwatch.StartNew();
        await using var server = await ForumServer.StartNewAsync();
        using var forum = new HostileForum(server);
        await forum.RegisterMembersAsync();
        Assert.True(forum.AcceptedNames.Count >= 5,
            $"Only {forum.AcceptedNames.Count} hostile display names were accepted; the test needs several authors.\n" + string.Join('\n', forum.Failures));
        Assert.Equal(0, await server.RunCommandAsync("users", "add-role", "moderator", forum.First.Email));
        // A role change renews the member's security stamp, which ends their session at its next check (a minute on):
        // sign in again now, so how long the registrations took does not decide whether the posts below are accepted.
        await forum.First.SignInAgainAsync();

        await using var watched = await fixture.NewPageAsync(server: server);
        await watched.Page.Context.AddInitScriptAsync(PageInspector.InitScript);
        var inspector = new PageInspector(watched);
        var topicWatcher = new WatchedPage(await watched.Page.Context.NewPageAsync());
        await topicWatcher.Page.GotoAsync($"/t/{Topic}");
        await topicWatcher.WaitForLiveAsync();

        await forum.PostAsync();
        await forum.EditAsync();
        await forum.FlagAsync(5);
        var posted = clock.Elapsed;

        await CheckLiveRowsAsync(topicWatcher, forum.Threads[^1].Path, inspector);
        await VisitAsVisitorAsync(inspector, forum);
        await SignInAsync(watched.Page, forum.First.Email);
        await VisitAsMemberAsync(inspector, forum);
        await CheckComposerAsync(watched, inspector);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{forum.AcceptedNames.Count} hostile display names accepted, {forum.RefusedNames.Count} refused; {forum.Threads.Count} threads " +
            $"({forum.RefusedTitles.Count} titles refused); posted in {posted.TotalSeconds:F0} s; {inspector.PagesVisited} pages checked; " +
            $"{clock.Elapsed.TotalSeconds:F0} s in all."));
        output.WriteLine("Accepted display names: " + string.Join(", ", forum.AcceptedNames.Select(HostileStrings.Show)));
        output.WriteLine("Refused for a null character (400): " + string.Join("; ", forum.RefusedForNull));
        output.WriteLine("Refused titles: " + string.Join(", ", forum.RefusedTitles.Select(HostileStrings.Show)));
        output.WriteLine("Refused bodies: " + string.Join("; ", forum.RefusedBodies));
        var failures = forum.Failures.Concat(inspector.Failures).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join('\n', failures) + "\nServer log:\n" + Tail(server.Log));
    }

    /// <summary>The topic page that was open while the threads were posted got each row live, through innerHTML.</summary>
    private static async Task CheckLiveRowsAsync(WatchedPage topicWatcher, string lastThread, PageInspector inspector)
    {
        await Expect(topicWatcher.Page.Locator($"a[href='{lastThread}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await inspector.For(topicWatcher).CheckAsync($"/t/{Topic}", "topic page receiving the threads live", 0, null);
        await topicWatcher.Page.CloseAsync();
    }

    private static async Task VisitAsVisitorAsync(PageInspector inspector, HostileForum forum)
    {
        await inspector.VisitAsync("/", "home, visitor");
        await VisitTopicPagesAsync(inspector, "visitor");
        await inspector.VisitAllAsync([
            .. forum.Threads.Select(thread => thread with { Label = "visitor: " + thread.Label }),
            .. SearchQueries().Select(query => new HostilePage("/search?q=" + Uri.EscapeDataString(query), $"search for {HostileStrings.Show(query)}")),
        ]);
    }

    private static async Task VisitAsMemberAsync(PageInspector inspector, HostileForum forum)
    {
        await inspector.VisitAsync("/", "home, signed in with a hostile display name");
        await VisitTopicPagesAsync(inspector, "signed in");
        await inspector.VisitAllAsync([
            .. forum.Threads.Select(thread => thread with { Label = "moderator: " + thread.Label }),
            .. forum.Threads.Select(thread => new HostilePage($"/threads/{thread.Path.Split('/')[2]}/reply", "reply form: " + thread.Label)),
            .. forum.EditPages,
            .. forum.ModerationPages,
            .. forum.AcceptedNames.Take(5).Select(name =>
                new HostilePage("/search?q=alert&author=" + Uri.EscapeDataString(name), $"search by author {HostileStrings.Show(name)}")),
        ]);
    }

    private static async Task VisitTopicPagesAsync(PageInspector inspector, string who)
    {
        for (var page = 1; page <= 20; page++)
        {
            await inspector.VisitAsync(page == 1 ? $"/t/{Topic}" : $"/t/{Topic}?page={page}", $"topic list page {page}, {who}");
            if (await inspector.Page.Locator("a[rel=next]").CountAsync() == 0)
            {
                return;
            }
        }
    }

    /// <summary>The composer's preview puts the server's rendering in the page with innerHTML; a refused form puts the body back in a textarea.</summary>
    private static async Task CheckComposerAsync(WatchedPage watched, PageInspector inspector)
    {
        var page = watched.Page;
        var path = $"/t/{Topic}/new";
        await page.GotoAsync(path);
        var before = watched.Problems.Count;
        await page.GetByLabel("Your post").FillAsync(string.Join("\n\n", HostileStrings.XssVectors));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("[data-preview]")).ToBeVisibleAsync();
        await inspector.CheckAsync(path, "composer preview of every XSS vector, joined", before, null);

        before = watched.Problems.Count;
        await page.GetByLabel("Your post").FillAsync(string.Join("\n\n", HostileStrings.FormReadable));
        await page.GetByLabel("Title").FillAsync("x");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith(path, StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (response.Status != 422)
        {
            inspector.Fail(path, "new-thread form with a too-short title", $"answered {response.Status}, not 422");
        }
        await inspector.CheckAsync(path, "new-thread form refused (title too short) holding every XSS vector, joined", before, await response.TextAsync());
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
    }

    private static IEnumerable<string> SearchQueries() =>
    [
        "script", "alert", "onerror", "javascript", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "[link](javascript:alert(1))", "</title><script>alert(1)</script>", "田中さんにあげて下さい", "inject* -alert \"onerror alert\"",
    ];

    private static string Tail(string log) => log.Length > 4000 ? log[^4000..] : log;
}
