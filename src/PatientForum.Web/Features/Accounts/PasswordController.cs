using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>Forgot-password and reset-password, answering the same whether or not an account exists.</summary>
[Route("account")]
public sealed class PasswordController(UserManager<ForumUser> users, AccountMailRequests requests, SecurityActivity activity) : Controller
{
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new EmailForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(AccountsFeature.AccountMailRateLimit)]
    public IActionResult ForgotPassword(EmailForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // Whether an account has the address is looked up afterwards, so that the answer comes after the same work.
        requests.Queue(AccountMailKind.PasswordReset, form.Email!.Trim());
        return View("Message", new MessagePage(
            "Check your email",
            "If an account uses that address, we have sent it a link to choose a new password."));
    }

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? code) => View(new ResetPasswordForm { Code = code });

    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        var token = AccountMailer.Decode(form.Code);
        if (user is null || user.IsSystem || token is null)
        {
            ModelState.AddModelError("", "This reset link does not work for that email address. Ask for a new link.");
            return View(form);
        }

        var result = await users.ResetPasswordAsync(user, token, form.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Code == "InvalidToken"
                    ? "This reset link does not work for that email address, or it has expired. Ask for a new link."
                    : error.Description);
            }
            return View(form);
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await activity.RecordAsync(user.Id, SecurityEventKind.PasswordReset, Request.Headers.UserAgent);
        return View("Message", new MessagePage("Password changed", "Your new password is set. You can sign in with it now."));
    }
}
