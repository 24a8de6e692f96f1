using Microsoft.Playwright;

namespace PatientForum.BrowserTests.Infrastructure;

/// <summary>
/// One Chromium (Debian's, never a downloaded build) and one forum process, shared by the tests of the
/// collection; every test gets fresh browser contexts. The tests are split between two collections, each with a
/// fixture of its own, which run side by side: one test at a time leaves half the machine waiting on the other.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public ForumServer Server { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./tests/run.sh, which installs Debian's chromium.");
        }
        // Expectations wait for what the page must show and return as soon as it does; the limit is only a safety net,
        // wide enough for two collections sharing a busy machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        var serverStart = Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        await serverStart;
    }

    /// <summary>
    /// A new, isolated browser session (its own cookies) with a page that records errors, on the collection's
    /// server or on <paramref name="server"/>.
    /// </summary>
    public async Task<WatchedPage> NewPageAsync(ViewportSize? viewport = null, ForumServer? server = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server).BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        return new WatchedPage(page);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The second collection, with its own Chromium and forum process (see <see cref="BrowserFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "second browser";
}
