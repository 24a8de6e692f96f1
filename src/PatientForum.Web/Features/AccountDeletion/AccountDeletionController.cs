using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>
/// A member deletes their own account, after choosing what happens to their posts and proving it is them (password,
/// and a code where two-factor sign-in is on). Only signed in is needed: a suspended member may still leave. Wrong
/// passwords count towards the account's lockout as at sign-in.
/// </summary>
[Authorize]
public sealed class AccountDeletionController(
    ForumDbContext db, UserManager<ForumUser> users, SignInManager<ForumUser> signIn, AccountEraser eraser) : Controller
{
    [HttpGet("/account/delete")]
    public async Task<IActionResult> Delete(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        return user is null || user.IsSystem ? Challenge() : View(await PageAsync(user, new DeleteAccountForm(), cancellationToken));
    }

    [HttpPost("/account/delete")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> Delete(DeleteAccountForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsSystem)
        {
            return Challenge();
        }
        form.Password ??= "";
        if (form.ParsedMode is null)
        {
            ModelState.AddModelError(nameof(form.Mode), "Choose what happens to your posts.");
        }
        if (form.Password.Length == 0)
        {
            ModelState.AddModelError(nameof(form.Password), "Enter your password.");
        }
        else if (await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true) is var result && !result.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Password), result.IsLockedOut
                ? "Too many wrong passwords. Wait a while and try again."
                : "That password is not right.");
        }
        else if (user.TwoFactorEnabled && !await CodeIsRightAsync(user, form.Code))
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Enter the code your authenticator app shows now.");
        }
        if (!ModelState.IsValid)
        {
            form.Password = null;
            return View(await PageAsync(user, form, cancellationToken));
        }

        await eraser.DeleteAsync(user, form.ParsedMode!.Value, cancellationToken);
        await signIn.SignOutAsync();
        return Redirect(ForumUrls.AccountDeleted);
    }

    /// <summary>Where a member lands once their account is gone; they are signed out by then.</summary>
    [AllowAnonymous]
    [HttpGet("/account/deleted")]
    public IActionResult Deleted() => View();

    private async Task<bool> CodeIsRightAsync(ForumUser user, string? code)
    {
        if (!string.IsNullOrWhiteSpace(code)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorKeys.CleanCode(code)))
        {
            return true;
        }
        await users.AccessFailedAsync(user);
        return false;
    }

    private async Task<DeleteAccountPage> PageAsync(ForumUser user, DeleteAccountForm form, CancellationToken cancellationToken) =>
        new(form, user.TwoFactorEnabled, await db.Posts.CountAsync(p => p.AuthorId == user.Id && p.Markdown != "", cancellationToken));
}
