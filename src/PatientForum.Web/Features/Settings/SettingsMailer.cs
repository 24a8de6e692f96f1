using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Settings;

/// <summary>
/// The mail that account changes send, through the outbox and within each address's hourly allowance
/// (<see cref="AccountMailLimits"/>), so the email page cannot be used to flood someone's inbox.
/// </summary>
public sealed class SettingsMailer(UserManager<ForumUser> users, EmailOutbox outbox, AccountMailLimits limits, IOptions<ForumOptions> forum)
{
    public async Task SendEmailChangeLinkAsync(ForumUser user, string newEmail, CancellationToken cancellationToken)
    {
        var code = AccountMailer.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        await SendAsync(newEmail, "Confirm your new PatientForum email address", $"""
            Hello {user.DisplayName},

            You asked to use this address for your PatientForum account. To confirm it, open this link:

            {Link(ForumUrls.ConfirmEmailChangeWith(user.Id, newEmail, code))}

            Until you do, your account keeps its old address. If you did not ask for this, ignore this email.
            """, cancellationToken);
    }

    /// <summary>To a new address that another account already uses: the page said the same as for a free one.</summary>
    public Task SendAddressInUseAsync(string address, CancellationToken cancellationToken) =>
        SendAsync(address, "Someone tried to use this address on PatientForum", $"""
            Hello,

            Someone asked to move their PatientForum account to this email address, which already belongs to an account.
            Nothing has changed. If it was you, sign in with this address instead:

            {Link(ForumUrls.SignIn)}

            If it was not you, ignore this email.
            """, cancellationToken);

    public Task SendEmailChangedAsync(ForumUser user, string oldEmail, string newEmail, CancellationToken cancellationToken) =>
        SendAsync(oldEmail, "Your PatientForum email address was changed", $"""
            Hello {user.DisplayName},

            The email address of your PatientForum account was changed to {Mask(newEmail)}.
            Mail from the forum now goes there.

            If you did not do this, someone else may have your password: reply to this email or use the contact form
            at once, so that a moderator can help you get your account back:

            {Link(ForumUrls.Contact)}
            """, cancellationToken);

    public Task SendPasswordChangedAsync(ForumUser user, CancellationToken cancellationToken) =>
        SendAsync(user.Email!, "Your PatientForum password was changed", $"""
            Hello {user.DisplayName},

            The password of your PatientForum account was just changed, and every other place where you were signed in
            was signed out.

            If you did not do this, choose a new password at once:

            {Link(ForumUrls.ForgotPassword)}
            """, cancellationToken);

    /// <summary>"j***@example.org": enough for the member to recognise their own address, too little to give it away.</summary>
    public static string Mask(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    private async Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken)
    {
        if (await limits.TryTakeAsync(address))
        {
            await outbox.QueueAsync(new OutgoingEmail(address, subject, body), cancellationToken);
        }
    }

    private string Link(string path) => ForumUrls.Absolute(forum.Value.PublicUrl, path);
}
