using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Contact;

/// <summary>
/// A forum whose mail goes to a real SMTP server on loopback, with one configured moderator address. Given a
/// <paramref name="database"/>, it is a restart of the forum whose files and database those are.
/// </summary>
public sealed class ContactForum(TestSmtpServer smtp, IDictionary<string, string?>? extra = null, TestDatabase? database = null)
    : ForumFactory(database)
{
    public const string ConfiguredModerator = "team@moderators.example.org";

    public TestSmtpServer Smtp { get; } = smtp;

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
