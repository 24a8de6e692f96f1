using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Tests.Features.Contact;

/// <summary>
/// A forum whose mail goes to a real SMTP server on loopback, with one configured moderator address. Given a
/// <paramref name="database"/>, it is a restart of the forum whose files and database those are.
/// </summary>
public sealed class ContactForum(TestSmtpServer smtp, IDictionary<string, string?>? extra = null, TestDatabase? database = null)
    : ForumFactory(database)
{
    public const string ConfiguredModerator = "team@moderators.example.org";

    /// <summary>Only a safety net: a worker that has not caught up by then is stuck.</summary>
    private static readonly TimeSpan s_workerLimit = TimeSpan.FromSeconds(60);

    public TestSmtpServer Smtp { get; } = smtp;

    /// <summary>Services a test adds or replaces in the forum (an EF Core interceptor, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(Smtp.ForumSettings)
            {
                ["Forum:Moderation:ModeratorEmails:0"] = ConfiguredModerator,
                ["Forum:DataDirectory"] = Database.DataDirectory,
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }
            return settings;
        }
    }

    public Task<Member> StaffAsync(string role) => Staff.CreateAsync(this, role);

    /// <summary>
    /// Waits until the mail worker has caught up with the outbox: every message due by now has reached the SMTP
    /// server or been refused, so a message that has not arrived is not on its way either.
    /// </summary>
    public async Task MailIdleAsync()
    {
        try
        {
            await Services.GetRequiredService<MailSignal>().WhenIdleAsync(CancellationToken.None).WaitAsync(s_workerLimit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The mail worker did not finish a pass with nothing due within {s_workerLimit.TotalSeconds} s.");
        }
    }

    /// <summary>Fills in and sends the contact form as a visitor.</summary>
    public async Task<ForumClient.Page> SubmitAsync(string name, string email, string subject, string message, ForumClient? client = null)
    {
        client ??= CreateForumClient();
        var form = await client.GetOkAsync("/contact");
        return await client.SubmitAsync(form, "form[action='/contact']", new Dictionary<string, string?>
        {
            ["Name"] = name,
            ["Email"] = email,
            ["Subject"] = subject,
            ["Message"] = message,
        });
    }
}
