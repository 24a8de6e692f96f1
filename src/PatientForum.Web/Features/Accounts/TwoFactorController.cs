using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// A member's own two-factor settings: set up an authenticator app, turn it off, replace the recovery codes.
/// Every change that touches the security stamp signs the member in again at once, so this session keeps
/// going and its cookie says straight away whether two-factor is on (the staff pages read that).
/// </summary>
[Authorize]
[Route("account/two-factor")]
public sealed class TwoFactorController(
    UserManager<ForumUser> users,
    SignInManager<ForumUser> signIn,
    IOptions<SecurityOptions> security,
    SecurityActivity activity,
    IUserStore<ForumUser> store,
    ForumDbContext db) : Controller
{
    private IUserAuthenticatorKeyStore<ForumUser> Keys => (IUserAuthenticatorKeyStore<ForumUser>)store;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        var user = await CurrentUserAsync();
        return user is null ? Challenge() : View(await PageForAsync(user, returnUrl));
    }

    [HttpPost("enable")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> Enable(EnableTwoFactorForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorKeys.CleanCode(form.Code)))
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Check that the key in your app matches the one shown here, and enter the code it shows now.");
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageForAsync(user, form.ReturnUrl));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorKeys.RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        await activity.RecordAsync(user.Id, SecurityEventKind.TwoFactorEnabled, Request.Headers.UserAgent);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes ?? []], Local(form.ReturnUrl)));
    }

    [HttpPost("disable")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> Disable([Bind(Prefix = "Off")] TwoFactorProofForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }
        if (!await ProvesItIsTheMemberAsync(user, form))
        {
            return View(nameof(Index), await PageForAsync(user, null));
        }

        await users.SetTwoFactorEnabledAsync(user, false);

        // A new key, so a phone that is lost or sold cannot make codes if two-factor is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        await activity.RecordAsync(user.Id, SecurityEventKind.TwoFactorDisabled, Request.Headers.UserAgent);
        return View("Message", new MessagePage("Two-factor sign-in is off", "Signing in now takes only your password. You can turn two-factor sign-in on again from the Security page."));
    }

    [HttpPost("recovery-codes")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> RecoveryCodes([Bind(Prefix = "New")] TwoFactorProofForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        if (!await ProvesItIsTheMemberAsync(user, form))
        {
            return View(nameof(Index), await PageForAsync(user, null));
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorKeys.RecoveryCodeCount);
        await activity.RecordAsync(user.Id, SecurityEventKind.RecoveryCodesGenerated, Request.Headers.UserAgent);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes ?? []], null));
    }

    private async Task<ForumUser?> CurrentUserAsync() => await users.GetUserAsync(User);

    private async Task<TwoFactorPage> PageForAsync(ForumUser user, string? returnUrl)
    {
        var required = security.Value.RequireTwoFactorForStaff && Viewer.HoldsStaffRole(User);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorPage(true, required, null, null, await users.CountRecoveryCodesAsync(user), Local(returnUrl));
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            (user, key) = await MakeAuthenticatorKeyAsync(user);
        }
        var uri = TwoFactorKeys.AuthenticatorUri(user.Email!, key);
        return new TwoFactorPage(false, required, TwoFactorKeys.Format(key), uri, 0, Local(returnUrl)) { QrCodeSvg = AuthenticatorQrCode.Svg(uri) };
    }

    /// <summary>
    /// Makes the member's authenticator key on their first visit. Several tabs may open this page at once: one of
    /// them stores its key first and the others, refused by the database, show that key rather than an error or
    /// a key that was never stored. A first key replaces nothing, so the security stamp stays: opening the page must not
    /// sign the member out on their other devices (a key that replaces one, when two-factor is turned off, does).
    /// </summary>
    private async Task<(ForumUser User, string Key)> MakeAuthenticatorKeyAsync(ForumUser user)
    {
        var made = false;
        try
        {
            await Keys.SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), HttpContext.RequestAborted);
            made = (await users.UpdateAsync(user)).Succeeded;
        }
        catch (DbUpdateException)
        {
            // Another tab stored its key between our look and our write.
        }
        if (!made)
        {
            db.ChangeTracker.Clear();
            user = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The member's account is gone.");
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        return (user, key ?? throw new InvalidOperationException("No authenticator key was stored."));
    }

    /// <summary>
    /// A current code from the app, or the password. A wrong code counts towards lockout as a wrong password does,
    /// so a stolen session cannot guess codes without end; a locked account proves nothing until the lockout ends.
    /// </summary>
    private async Task<bool> ProvesItIsTheMemberAsync(ForumUser user, TwoFactorProofForm form)
    {
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("", "Too many wrong codes or passwords. Try again in a few minutes.");
            return false;
        }
        var code = TwoFactorKeys.CleanCode(form.Code);
        if (code.Length > 0)
        {
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.ResetAccessFailedCountAsync(user);
                return true;
            }
            await users.AccessFailedAsync(user);
        }
        if (!string.IsNullOrEmpty(form.Password) && (await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true)).Succeeded)
        {
            return true;
        }
        ModelState.AddModelError("", code.Length == 0 && string.IsNullOrEmpty(form.Password)
            ? "Enter a code from your authenticator app, or your password."
            : "That code or password is not right.");
        return false;
    }

    private string? Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
