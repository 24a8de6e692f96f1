using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Settings;

/// <summary>
/// Changing one's email address: the current password, then a link to the new address; nothing changes until that
/// link is opened. The page answers the same whether or not another account has the new address, so it cannot be
/// used to find out who is a member here.
/// </summary>
public sealed class EmailController(
    UserManager<ForumUser> users, SignInManager<ForumUser> signIn, SettingsMailer mailer, SecurityActivity activity) : Controller
{
    [Authorize]
    [HttpGet("/account/email")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(new EmailPage(user.Email!, new EmailForm()));
    }

    [Authorize]
    [HttpPost("/account/email")]
    [EnableRateLimiting(AccountsFeature.AccountMailRateLimit)]
    public async Task<IActionResult> Index(EmailForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var password = form.CurrentPassword;
        form = form with { NewEmail = form.NewEmail?.Trim(), CurrentPassword = null };
        if (ModelState.IsValid && string.Equals(users.NormalizeEmail(form.NewEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(form.NewEmail), "That is already your email address.");
        }
        if (ModelState.IsValid)
        {
            await PasswordProblemAsync(user, password);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new EmailPage(user.Email!, form));
        }

        var newEmail = form.NewEmail!;
        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            await mailer.SendAddressInUseAsync(newEmail, cancellationToken);
        }
        else
        {
            await mailer.SendEmailChangeLinkAsync(user, newEmail, cancellationToken);
        }
        return View("Message", new MessagePage(
            "Check your new address",
            $"If {newEmail} can be used, we have sent it a link. Your address changes when you open that link; until then your account keeps {user.Email}."));
    }

    /// <summary>
    /// The link from the mail. The code names the account and the address, so it works whoever opens it, signed in
    /// or not (on a phone, say); the old address is then told.
    /// </summary>
    [HttpGet("/account/email/confirm")]
    public async Task<IActionResult> Confirm(string? userId, string? email, string? code, CancellationToken cancellationToken)
    {
        var token = AccountMailer.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || user.IsSystem || token is null || string.IsNullOrWhiteSpace(email))
        {
            return NotWorking();
        }
        var oldEmail = user.Email!;

        // The user name is the address too; both change in the one save that checks the code.
        user.UserName = email;
        if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded)
        {
            return NotWorking();
        }
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            // The change renewed the security stamp, which signs out every session; this one carries on.
            await signIn.RefreshSignInAsync(user);
        }
        await activity.RecordAsync(user.Id, SecurityEventKind.EmailChanged, Request.Headers.UserAgent, cancellationToken);
        await mailer.SendEmailChangedAsync(user, oldEmail, email, cancellationToken);
        return View("Message", new MessagePage("Email address changed", $"Your account now uses {email}. Sign in with it from now on."));
    }

    private async Task PasswordProblemAsync(ForumUser user, string? password)
    {
        // Counted towards lockout like a sign-in, so a borrowed session cannot guess the password here.
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(EmailForm.CurrentPassword), result.IsLockedOut
                ? "Too many wrong passwords. Try again in a few minutes."
                : "That is not your current password.");
        }
    }

    private ViewResult NotWorking()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Message", new MessagePage(
            "This link does not work",
            "The link is wrong, has expired, or the address is now used by another account. Ask for a new link from your email settings."));
    }
}
