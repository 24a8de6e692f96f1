using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// The forum, in-process, on a database of its own (see <see cref="TestDatabase"/>: a SQLite file in a fresh
/// temporary folder, or a fresh PostgreSQL database on the PostgreSQL run). One factory serves one test class;
/// each test makes its own users and threads, so no test leans on another's data.
/// </summary>
public class ForumFactory : WebApplicationFactory<Program>
{
    private static readonly ConditionalWeakTable<ForumClient, ForumFactory> s_owners = new();
    private readonly bool _ownsDatabase;

    static ForumFactory()
    {
        // Each forum would otherwise watch its appsettings files for changes with an inotify instance of its own, and
        // the suite runs enough forums at once to reach the system's limit on them (128 by default). Tests never
        // change a settings file while a forum runs.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public ForumFactory()
        : this(null)
    {
    }

    /// <param name="sharedDatabase">
    /// A database that outlives this factory (a restart test's; the subclass points Forum:DataDirectory at its
    /// folder); by default a new one, dropped on dispose.
    /// </param>
    protected ForumFactory(TestDatabase? sharedDatabase)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _ownsDatabase = sharedDatabase is null;
        Database = sharedDatabase ?? TestDatabase.CopyOf(s_seeded.Value, DataDirectory);
    }

    /// <summary>
    /// A database the forum has migrated and seeded once for the whole run; each forum starts on a copy of it, as
    /// the forum would find its database after a first start (its own start-up then finds nothing to do but make a
    /// Data Protection key). Tests of migrations and seeding start on databases of their own.
    /// </summary>
    private static readonly Lazy<TestDatabase> s_seeded = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "patientforum-tests", "seeded-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var template = TestDatabase.Create(folder);
        using (var forum = new TemplateForum(template))
        {
            _ = forum.Services;
        }
        template.SealAsTemplate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            template.Dispose();
            Directory.Delete(folder, recursive: true);
        };
        return template;
    });

    public string DataDirectory { get; }

    /// <summary>The database this forum runs on, for checks the pages cannot show.</summary>
    public TestDatabase Database { get; }

    public string MailPickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    public MailPickup Mail => new(MailPickupDirectory);

    /// <summary>Everything the app logged at Information or above; every level goes to the run's log too.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>
    /// The app's clock: the system's, unless a test gives a fake one (FakeTimeProvider) to move by hand, so that a
    /// retry's back-off or a summary's interval passes at once instead of in real seconds.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// PBKDF2 iterations for the forum's password hashes. The forum's own (Identity's 100,000) cost a CPU-bound tenth
    /// of a second per registration and sign-in, which the suite does thousands of times; the algorithm and the
    /// stored format stay the forum's. <see cref="Features.Accounts.PasswordHashingTests"/> checks the real setting
    /// with <see langword="null"/> here.
    /// </summary>
    protected virtual int? PasswordHashIterations => 1_000;

    /// <summary>Extra settings a test class wants; applied after the defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Only the capture: it writes the run's log, which is checked for planted secrets after the suite.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        if (PasswordHashIterations is { } iterations)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations));
        }
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Forum:DataDirectory"] = DataDirectory,

                // Tests post quickly and all come from one address; the limits have tests of their own that turn them on.
                ["Forum:RateLimits:Enabled"] = "false",
                ["Forum:Contact:PerHourPerIp"] = "10000",
                ["Forum:Contact:MinimumFillSeconds"] = "0",
            };
            foreach (var (key, value) in TestRunLog.LogLevels)
            {
                settings[key] = value;
            }
            foreach (var (key, value) in Database.Settings)
            {
                settings[key] = value;
            }
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }
            config.AddInMemoryCollection(settings);
        });
    }

    /// <summary>A browser-like client: keeps cookies, and follows redirects unless told not to.</summary>
    public ForumClient CreateForumClient(bool followRedirects = true) => CreateForumClient(new CookieContainer(), followRedirects);

    /// <summary>A browser-like client with the cookies given, e.g. a browser reopened with only its lasting cookies.</summary>
    public ForumClient CreateForumClient(CookieContainer cookies, bool followRedirects = true)
    {
        DelegatingHandler[] handlers = followRedirects
            ? [new RedirectHandler(), new CookieContainerHandler(cookies)]
            : [new CookieContainerHandler(cookies)];
        var client = new ForumClient(CreateDefaultClient(handlers), cookies, Mail);
        s_owners.AddOrUpdate(client, this);
        return client;
    }

    /// <summary>The forum a client made by <see cref="CreateForumClient(CookieContainer, bool)"/> talks to, for helpers handed only the client.</summary>
    public static ForumFactory Of(ForumClient client) =>
        s_owners.TryGetValue(client, out var factory) ? factory : throw new InvalidOperationException("That client was not made by a ForumFactory.");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_ownsDatabase)
            {
                Database.Dispose();
            }
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>The forum that makes the run's seeded database, in that database's own folder.</summary>
    private sealed class TemplateForum(TestDatabase template) : ForumFactory(template)
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Forum:DataDirectory"] = Database.DataDirectory };
    }
}
