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
            if (message.Type == "error" && !(ExpectNetworkErrors && IsNetworkError(message.Text)))
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
