using Microsoft.Playwright;

namespace PatientForum.BrowserTests.Infrastructure;

/// <summary>
/// A page whose console errors, uncaught exceptions and dialogs are recorded, so a test can fail on any
/// of them. Dialogs are dismissed so a hostile alert() cannot hang the test.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    public WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !(ExpectNetworkErrors && IsNetworkError(message.Text)) && !IsDocumentStatus(message))
            {
                Record($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"uncaught exception: {error}");
        page.Dialog += async (_, dialog) =>
        {
            Record($"dialog ({dialog.Type}): {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>
    /// Set while a test deliberately takes the server away: the browser then reports the refused
    /// requests itself, which says nothing about the page's own code.
    /// </summary>
    public bool ExpectNetworkErrors { get; set; }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Waits until live updates are connected (live.js marks the document).</summary>
    public Task WaitForLiveAsync() =>
        Page.WaitForSelectorAsync("html[data-live='connected']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    public void AssertNoProblems() => Assert.True(Problems.Count == 0, string.Join(Environment.NewLine, Problems));

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();

    /// <summary>
    /// Chromium reports a 4xx status of the page itself (a 404 page, a 422 form with errors) as a console
    /// error; that is the page working as designed. A 4xx of any other resource still counts.
    /// </summary>
    private bool IsDocumentStatus(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
        && message.Location.StartsWith(Page.Url, StringComparison.Ordinal);

    private static bool IsNetworkError(string text) =>
        text.Contains("Failed to load resource", StringComparison.Ordinal) || text.Contains("net::ERR_", StringComparison.Ordinal)
        || text.Contains("WebSocket connection to", StringComparison.Ordinal);

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
