using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Writes the account emails (confirm address, reset password) into the outbox. Links are on Forum:PublicUrl, never
/// on the host a request named, and each address gets at most a few per hour (<see cref="AccountMailLimits"/>).
/// </summary>
public sealed class AccountMailer(UserManager<ForumUser> users, EmailOutbox outbox, AccountMailLimits limits, IOptions<ForumOptions> forum)
{
    public async Task SendConfirmationAsync(ForumUser user, CancellationToken cancellationToken)
    {
        if (!await limits.TryTakeAsync(user.Email!))
        {
            return;
        }
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Link(ForumUrls.ConfirmEmailWith(user.Id, code));
        await outbox.QueueAsync(new OutgoingEmail(
            user.Email!,
            "Confirm your email address for PatientForum",
            $"""
            Hello {user.DisplayName},

            Please confirm your email address by opening this link:

            {link}

            Once it is confirmed you can start threads and reply.
            If you did not register on PatientForum, ignore this email.
            """), cancellationToken);
    }

    public async Task SendPasswordResetAsync(ForumUser user, CancellationToken cancellationToken)
    {
        if (!await limits.TryTakeAsync(user.Email!))
        {
            return;
        }
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = Link(ForumUrls.ResetPasswordWith(code));
        await outbox.QueueAsync(new OutgoingEmail(
            user.Email!,
            "Reset your PatientForum password",
            $"""
            Hello {user.DisplayName},

            Someone asked to reset the password of your PatientForum account.
            To choose a new password, open this link:

            {link}

            If it was not you, ignore this email: your password stays as it is.
            """), cancellationToken);
    }

    public async Task SendAlreadyRegisteredAsync(ForumUser user, CancellationToken cancellationToken)
    {
        if (!await limits.TryTakeAsync(user.Email!))
        {
            return;
        }
        var link = Link(ForumUrls.ForgotPassword);
        await outbox.QueueAsync(new OutgoingEmail(
            user.Email!,
            "Someone tried to register with your address",
            $"""
            Hello {user.DisplayName},

            Someone tried to register a new PatientForum account with this email address,
            which already has an account. If it was you, sign in instead:

            {Link(ForumUrls.SignIn)}

            If you have forgotten your password, you can choose a new one here:

            {link}

            If it was not you, ignore this email.
            """), cancellationToken);
    }

    private string Link(string path) => ForumUrls.Absolute(forum.Value.PublicUrl, path);

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
