using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Contact;

/// <summary>Validation, header injection and the spam defences of the contact form; and who may read submissions.</summary>
public sealed class ContactFormTests
{
    public static TheoryData<string, string, string> HeaderInjections => new()
    {
        { "Eve\r\nBcc: victim@example.org", "eve@example.org", "Question" },
        { "Eve\nTo: victim@example.org", "eve@example.org", "Question" },
        { "Eve", "eve@example.org\r\nBcc: victim@example.org", "Question" },
        { "Eve", "eve@example.org\nCc: victim@example.org", "Question" },
        { "Eve", "eve@example.org", "Question\r\nBcc: victim@example.org" },
    };

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public async Task Submit_WithLineBreaksInAHeaderField_IsRefusedOnTheFormWithTextKept(string name, string email, string subject)
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);

        var page = await forum.SubmitAsync(name, email, subject, "A message long enough to send.");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".form-errors"));
        Assert.Equal("A message long enough to send.", page.Document.QuerySelector("#Message")!.TextContent.Trim());
        await forum.MailIdleAsync();
        Assert.DoesNotContain(smtp.Received, m => m.Subject?.Contains("contact", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task Submit_WithHeaderLikeTextInTheMessage_AddsNoHeaderAndNoRecipient()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);

        var page = await forum.SubmitAsync("Mallory", "mallory@example.org", "Other",
            "Hello\r\nBcc: victim@example.org\r\nSubject: pwned\r\n\r\n.\r\nMAIL FROM:<x@example.org>\r\nRCPT TO:<victim@example.org>");
        var reference = page.TextOf(".reference")!;

        var mail = await smtp.WaitForAsync(ContactForum.ConfiguredModerator, reference);
        Assert.Empty(mail.Bcc);
        Assert.Empty(mail.Cc);
        Assert.Equal(ContactForum.ConfiguredModerator, Assert.Single(mail.To.Mailboxes).Address);
        Assert.DoesNotContain("pwned", mail.Subject, StringComparison.Ordinal);
        await forum.MailIdleAsync();
        Assert.Empty(smtp.To("victim@example.org"));
        Assert.Empty(smtp.To("x@example.org"));
    }

    [Theory]
    [InlineData("", "ann@example.org", "Question", "Long enough message.", "Name")]
    [InlineData("Ann", "not-an-address", "Question", "Long enough message.", "Email")]
    [InlineData("Ann", "ann@example.org", "", "Long enough message.", "Subject")]
    [InlineData("Ann", "ann@example.org", "Question", "Too short", "Message")]
    public async Task Submit_WithAnInvalidField_ShowsWhyAndKeepsTheText(string name, string email, string subject, string message, string field)
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);

        var page = await forum.SubmitAsync(name, email, subject, message);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.NotNull(page.Document.QuerySelector($"#{field}-error"));
        Assert.Equal(message, page.Document.QuerySelector("#Message")!.TextContent.Trim());
        Assert.Equal(email, page.Document.QuerySelector("#Email")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Honeypot_FilledIn_KeepsNothing_ButARealSubmissionStillArrives()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var moderator = await forum.StaffAsync(ForumRoles.Moderator);
        var client = forum.CreateForumClient();

        var form = await client.GetOkAsync("/contact");
        var bot = await client.SubmitAsync(form, "form[action='/contact']", new Dictionary<string, string?>
        {
            ["Name"] = "Bot", ["Email"] = "bot@example.org", ["Subject"] = "Other", ["Message"] = "Cheap pills, honeypot canary", ["Website"] = "https://spam.example",
        });
        var real = await forum.SubmitAsync("Real Person", "real@example.org", "Question", "A real question about physio.");

        Assert.Equal("Message received", bot.TextOf("h1"));
        await smtp.WaitForAsync(ContactForum.ConfiguredModerator, real.TextOf(".reference")!);
        var inbox = await moderator.Client.GetOkAsync("/moderation/contact");
        Assert.DoesNotContain("honeypot canary", inbox.Text, StringComparison.Ordinal);
        Assert.Contains("A real question about physio.", inbox.Text, StringComparison.Ordinal);
        await forum.MailIdleAsync();
        Assert.DoesNotContain(smtp.Received, m => m.TextBody?.Contains("honeypot canary", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task FormSentTooFast_IsShownAgainWithTextKept_AndGoesThroughWhenSentAgainLater()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Contact:MinimumFillSeconds"] = "2" }) { Clock = time };
        var client = forum.CreateForumClient();

        var tooFast = await forum.SubmitAsync("Quick Typist", "quick@example.org", "Question", "Typed very fast indeed.", client);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFast.Status);
        Assert.Contains("very quick", tooFast.Text, StringComparison.Ordinal);
        Assert.Equal("Typed very fast indeed.", tooFast.Document.QuerySelector("#Message")!.TextContent.Trim());

        time.Advance(TimeSpan.FromSeconds(2));
        var again = await client.SubmitAsync(tooFast, "form[action='/contact']", new Dictionary<string, string?>());

        Assert.Equal("Message received", again.TextOf("h1"));
        await smtp.WaitForAsync(ContactForum.ConfiguredModerator, again.TextOf(".reference")!);
    }

    [Fact]
    public async Task Submissions_BeyondTheHourlyLimit_Get429WithRetryAfter_AndEarlierOnesAreDelivered()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp, new Dictionary<string, string?> { ["Forum:Contact:PerHourPerIp"] = "2" });

        var first = await forum.SubmitAsync("One", "one@example.org", "Question", "First message of three.");
        var second = await forum.SubmitAsync("Two", "two@example.org", "Question", "Second message of three.");
        var third = await forum.SubmitAsync("Three", "three@example.org", "Question", "Third message of three.");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.NotNull(third.Response.Headers.RetryAfter);
        await smtp.WaitForAsync(ContactForum.ConfiguredModerator, first.TextOf(".reference")!);
        await smtp.WaitForAsync(ContactForum.ConfiguredModerator, second.TextOf(".reference")!);
    }

    [Fact]
    public async Task Logs_AtInformationOrAbove_HoldNeitherTheMessageNorTheAddresses()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var marker = Canaries.New("contact message");
        var canaryText = $"{marker} my knee surgery went badly";
        var canaryEmail = Canaries.Email("sender");

        var page = await forum.SubmitAsync("Canary Sender", canaryEmail, "Privacy", canaryText);
        await smtp.WaitForAsync(ContactForum.ConfiguredModerator, page.TextOf(".reference")!);

        var lines = forum.Logs.Lines;
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(canaryEmail, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains(ContactForum.ConfiguredModerator, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Submissions_AreVisibleToModeratorsOnly()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await Staff.MemberAsync(forum);
        var moderator = await forum.StaffAsync(ForumRoles.Moderator);
        await forum.SubmitAsync("Private Person", "private@example.org", "Privacy", "Only moderators may read this.");

        var anonymous = await forum.CreateForumClient(followRedirects: false).GetAsync("/moderation/contact");
        var plain = await member.Client.GetAsync("/moderation/contact");
        var staff = await moderator.Client.GetOkAsync("/moderation/contact");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/account/login", anonymous.Response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, plain.Status);
        Assert.DoesNotContain("Only moderators may read this.", plain.Text, StringComparison.Ordinal);
        Assert.Contains("Only moderators may read this.", staff.Text, StringComparison.Ordinal);
    }
}
