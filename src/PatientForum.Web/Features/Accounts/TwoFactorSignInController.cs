using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// The second sign-in step for members with two-factor sign-in on. Only reachable after the right password
/// (Identity's short-lived two-factor cookie says who it is for), so it tells a stranger nothing new.
/// </summary>
[Route("account/login")]
public sealed class TwoFactorSignInController(SignInManager<ForumUser> signIn, SecurityActivity activity) : Controller
{
    private const string LockedOut = "Too many failed attempts. This account is locked for a few minutes; try again later.";

    [HttpGet("two-factor")]
    public async Task<IActionResult> Code(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? BackToPassword(returnUrl)
            : View(new TwoFactorCodeForm { ReturnUrl = Local(returnUrl), RememberMe = rememberMe });

    [HttpPost("two-factor")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> Code(TwoFactorCodeForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } member)
        {
            return BackToPassword(form.ReturnUrl);
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        // Identity counts a wrong code towards the same lockout as a wrong password.
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorKeys.CleanCode(form.Code), form.RememberMe, form.RememberDevice);
        if (result.Succeeded)
        {
            await activity.RecordAsync(member.Id, SecurityEventKind.SignIn, Request.Headers.UserAgent);
            return LocalRedirect(Local(form.ReturnUrl) ?? "/");
        }
        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut
            ? LockedOut
            : "That code is not right. Check that it is the code your app shows for PatientForum now, and try again.");
        form.Code = null;
        return View(form);
    }

    [HttpGet("recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? BackToPassword(returnUrl)
            : View(new RecoveryCodeForm { ReturnUrl = Local(returnUrl) });

    [HttpPost("recovery-code")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } member)
        {
            return BackToPassword(form.ReturnUrl);
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        // Each recovery code works once: Identity removes it as it signs the member in.
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorKeys.CleanRecoveryCode(form.Code));
        if (result.Succeeded)
        {
            await activity.RecordAsync(member.Id, SecurityEventKind.SignIn, Request.Headers.UserAgent);
            return LocalRedirect(Local(form.ReturnUrl) ?? "/");
        }
        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut
            ? LockedOut
            : "That recovery code is not right, or it has been used already. Each code works once.");
        form.Code = null;
        return View(form);
    }

    /// <summary>Without the password step behind it (or after its five minutes), start again from the password.</summary>
    private RedirectResult BackToPassword(string? returnUrl) =>
        Redirect(Local(returnUrl) is { } local ? $"/account/login?returnUrl={Uri.EscapeDataString(local)}" : "/account/login");

    private string? Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
