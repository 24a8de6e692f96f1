using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Settings;

/// <summary>
/// Changing one's password: the current one first, the new one through the same rules as registration. Every other
/// session is signed out (a new security stamp), this one carries on, and the member is mailed about it.
/// </summary>
[Authorize]
public sealed class PasswordChangeController(
    UserManager<ForumUser> users, SignInManager<ForumUser> signIn, SettingsMailer mailer, SecurityActivity activity) : Controller
{
    [HttpGet("/account/password")]
    public IActionResult Index(bool saved = false)
    {
        ViewData["Saved"] = saved;
        return View(new PasswordForm());
    }

    [HttpPost("/account/password")]
    public async Task<IActionResult> Index(PasswordForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            // Counted towards lockout like a sign-in, so a borrowed session cannot guess the password here.
            var check = await signIn.CheckPasswordSignInAsync(user, form.CurrentPassword!, lockoutOnFailure: true);
            if (!check.Succeeded)
            {
                ModelState.AddModelError(nameof(form.CurrentPassword), check.IsLockedOut
                    ? "Too many wrong passwords. Try again in a few minutes."
                    : "That is not your current password.");
            }
        }
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(form.NewPassword), error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new PasswordForm());
        }

        // The change renewed the security stamp, which signs out every other session within a minute; this one is
        // signed in again with the new stamp so it carries on.
        await signIn.RefreshSignInAsync(user);
        await activity.RecordAsync(user.Id, SecurityEventKind.PasswordChanged, Request.Headers.UserAgent, cancellationToken);
        await mailer.SendPasswordChangedAsync(user, cancellationToken);
        return Redirect(ForumUrls.PasswordSettings + "?saved=true");
    }
}
