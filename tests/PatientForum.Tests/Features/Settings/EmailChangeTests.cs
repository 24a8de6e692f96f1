using System.Net;
using MimeKit;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Settings.AccountSettings;

namespace PatientForum.Tests.Features.Settings;

/// <summary>Changing one's email address, with the mail to both addresses read from a real SMTP server on loopback.</summary>
public sealed class EmailChangeTests
{
    private const string Neutral = "Check your new address";

    [Fact]
    public async Task ChangeEmail_LinkOpenedSignedOut_MovesTheAccount_AndTellsTheOldAddressMasked()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await MemberAsync(forum);
        var newEmail = Members.UniqueEmail("moved");

        var asked = await ChangeEmailAsync(member.Client, newEmail, member.Password);
        Assert.Equal(Neutral, asked.TextOf("h1"));
        await forum.MailIdleAsync();
        var link = MailPickup.LinkIn(Assert.Single(MailTo(smtp, newEmail)), "/account/email/confirm");

        // Nothing changes before the link is opened.
        Assert.Contains(member.Email, (await member.Client.GetOkAsync("/account/email")).TextOf("main p strong"), StringComparison.Ordinal);

        // Opened on another device, signed out: the code itself says whose account it is.
        var phone = forum.CreateForumClient();
        var opened = await phone.GetOkAsync(link);
        Assert.Equal("Email address changed", opened.TextOf("h1"));
        await forum.MailIdleAsync();
        var notice = Assert.Single(MailTo(smtp, member.Email), m => m.Subject == "Your PatientForum email address was changed");
        Assert.Contains(newEmail[..1] + "***@" + newEmail.Split('@')[1], notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(newEmail, notice.TextBody, StringComparison.OrdinalIgnoreCase);

        // The new address signs in; the old one no longer does; the link works once.
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.GetAsync(link)).Status);
        var old = forum.CreateForumClient(followRedirects: false);
        var refused = await Members.SignInAsync(old, member with { Client = old });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("We could not sign you in", refused.Text, StringComparison.Ordinal);
        var moved = forum.CreateForumClient();
        (await Members.SignInAsync(moved, member with { Email = newEmail, Client = moved })).EnsureSuccess();
        Assert.Contains(newEmail, (await moved.GetOkAsync("/account")).Text, StringComparison.Ordinal);
        Assert.Contains(("Email address changed", "Unknown browser"), await ActivityAsync(moved));
    }

    [Fact]
    public async Task ChangeEmail_ToAnotherMembersAddress_AnswersTheSame_AndOnlyWarnsThatAddress()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await MemberAsync(forum);
        var owner = await MemberAsync(forum);
        var freeEmail = Members.UniqueEmail("free");
        var free = await ChangeEmailAsync(member.Client, freeEmail, member.Password);

        var taken = await ChangeEmailAsync(member.Client, owner.Email, member.Password);

        Assert.Equal((free.Status, Neutral), (taken.Status, taken.TextOf("h1")));
        Assert.Equal(
            free.TextOf("main p")!.Replace(freeEmail, "X", StringComparison.Ordinal),
            taken.TextOf("main p")!.Replace(owner.Email, "X", StringComparison.Ordinal));
        await forum.MailIdleAsync();
        var warning = Assert.Single(MailTo(smtp, owner.Email), m => m.Subject == "Someone tried to use this address on PatientForum");
        Assert.DoesNotContain("/account/email/confirm", warning.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, warning.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeEmail_WrongPassword_IsRefusedOnTheForm_WithTheAddressKept_AndSendsNothing()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await MemberAsync(forum);
        var newEmail = Members.UniqueEmail("nope");

        var refused = await ChangeEmailAsync(member.Client, newEmail, "not the password at all");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("That is not your current password.", refused.TextOf("#CurrentPassword-error"));
        Assert.Equal(newEmail, refused.Document.QuerySelector("#NewEmail")?.GetAttribute("value"));
        await forum.MailIdleAsync();
        Assert.Empty(MailTo(smtp, newEmail));
    }

    private static List<MimeMessage> MailTo(TestSmtpServer smtp, string address) =>
        [.. smtp.Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];
}
