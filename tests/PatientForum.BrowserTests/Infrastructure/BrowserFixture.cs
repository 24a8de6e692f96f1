using Microsoft.Playwright;

namespace PatientForum.BrowserTests.Infrastructure;

/// <summary>
/// One Chromium (Debian's, never a downloaded build) and one forum process, shared by the tests of the
/// collection; every test gets fresh browser contexts.
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

/// <summary>Tests of pages on the collection's shared forum: accessibility, notifications, quoting, reactions, drafts.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Tests that mostly start forums of their own and wait on them (live delivery across restarts, scale-out, hostile
/// content): a second Chromium, run beside <see cref="SharedBrowser"/>. Measured alone, the browser tests keep the
/// processors less than half busy, so the two collections side by side take about the longer one's time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OwnServerBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-own-servers";
}
