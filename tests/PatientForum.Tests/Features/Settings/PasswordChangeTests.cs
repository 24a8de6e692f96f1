using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Settings.AccountSettings;

namespace PatientForum.Tests.Features.Settings;

/// <summary>Changing one's password: the current one is needed, other sessions end, this one carries on, mail says so.</summary>
public sealed class PasswordChangeTests
{
    [Fact]
    public async Task ChangePassword_SignsOutOtherSessions_KeepsThisOne_AndMailsTheMember()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new ContactForum(smtp) { Clock = time };
        var member = await MemberAsync(forum);
        var laptop = forum.CreateForumClient();
        (await Members.SignInAsync(laptop, member with { Client = laptop })).EnsureSuccess();
        Assert.True(await SignedInAsync(forum, laptop));
        var newPassword = Canaries.Password();

        var changed = await ChangePasswordAsync(member.Client, member.Password, newPassword);
        Assert.Equal("Your password is changed. Everywhere else you were signed in has been signed out.", changed.TextOf(".notice[role=status]"));

        // Sessions check their security stamp every minute: past that, the other one is out and this one is not.
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await SignedInAsync(forum, laptop));
        Assert.True(await SignedInAsync(forum, member.Client));

        var fresh = forum.CreateForumClient();
        (await Members.SignInAsync(fresh, member with { Password = newPassword, Client = fresh })).EnsureSuccess();
        Assert.True(await SignedInAsync(forum, fresh));
        await forum.MailIdleAsync();
        Assert.Contains(smtp.Received, m => m.Subject == "Your PatientForum password was changed"
            && m.To.Mailboxes.Any(b => string.Equals(b.Address, member.Email, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(("Password changed", "Unknown browser"), await ActivityAsync(fresh));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsRefusedOnTheForm_AndTheOldPasswordStillWorks()
    {
        using var forum = new ForumFactory();
        var member = await MemberAsync(forum);

        var refused = await ChangePasswordAsync(member.Client, "not the password at all", Canaries.Password());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("That is not your current password.", refused.TextOf("#CurrentPassword-error"));
        var again = forum.CreateForumClient();
        (await Members.SignInAsync(again, member with { Client = again })).EnsureSuccess();
        Assert.True(await SignedInAsync(forum, again));
    }

    [Fact]
    public async Task ChangePassword_NewPasswordBreaksTheRules_ShowsIdentitysReason()
    {
        using var forum = new ForumFactory();
        var member = await MemberAsync(forum);

        var refused = await ChangePasswordAsync(member.Client, member.Password, member.Email);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.False(string.IsNullOrEmpty(refused.TextOf("#NewPassword-error")));
        Assert.True(await SignedInAsync(forum, member.Client));
    }
}
