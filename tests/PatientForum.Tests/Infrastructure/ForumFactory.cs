using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// The forum, in-process, on its own SQLite file in a fresh temporary folder. One factory serves one test
/// class; each test makes its own users and threads, so no test leans on another's data.
/// </summary>
public class ForumFactory : WebApplicationFactory<Program>
{
    public ForumFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string MailPickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    public string DatabaseFile => Path.Combine(DataDirectory, "forum.db");

    public MailPickup Mail => new(MailPickupDirectory);

    /// <summary>Everything the app logged at Information or above.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Extra settings a test class wants; applied after the defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
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
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }
            config.AddInMemoryCollection(settings);
        });
    }

    /// <summary>A browser-like client: keeps cookies, and follows redirects unless told not to.</summary>
    public ForumClient CreateForumClient(bool followRedirects = true)
    {
        var cookies = new CookieContainer();
        DelegatingHandler[] handlers = followRedirects
            ? [new RedirectHandler(), new CookieContainerHandler(cookies)]
            : [new CookieContainerHandler(cookies)];
        return new ForumClient(CreateDefaultClient(handlers), this, cookies);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
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
}
