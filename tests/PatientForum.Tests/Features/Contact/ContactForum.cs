using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Contact;

/// <summary>A forum whose mail goes to a real SMTP server on loopback, with one configured moderator address.</summary>
public sealed class ContactForum(TestSmtpServer smtp, IDictionary<string, string?>? extra = null, string? dataDirectory = null) : ForumFactory
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
            };
            if (dataDirectory is not null)
            {
                settings["Forum:DataDirectory"] = dataDirectory;
            }
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }
            return settings;
        }
    }

    /// <summary>
    /// Registers a member through the form, confirms and promotes them directly (their confirmation mail goes
    /// to the SMTP server, which may be down on purpose), and returns a client signed in again so the cookie
    /// carries the role.
    /// </summary>
    public async Task<Member> StaffAsync(string role)
    {
        var member = await Members.RegisterAsync(this);
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            var user = (await users.FindByEmailAsync(member.Email))!;
            await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
            await users.AddToRoleAsync(user, role);
        }
        var client = CreateForumClient();
        var login = await client.GetOkAsync("/account/login");
        await client.SubmitAsync(login, "form[action='/account/login']", new Dictionary<string, string?>
        {
            ["Email"] = member.Email,
            ["Password"] = member.Password,
        });
        return member with { Client = client };
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
