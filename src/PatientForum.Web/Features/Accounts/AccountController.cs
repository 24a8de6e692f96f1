using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>Registration, email confirmation, sign-in and sign-out.</summary>
[Route("account")]
public sealed class AccountController(
    UserManager<ForumUser> users,
    SignInManager<ForumUser> signIn,
    AccountMailer mailer,
    TimeProvider clock) : Controller
{
    private static readonly MessagePage s_checkEmail = new(
        "Check your email",
        "We have sent a link to the address you gave. Open it to confirm your account; then you can start threads and reply.");

    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken cancellationToken)
    {
        var displayName = DisplayNames.Clean(form.DisplayName);
        form.DisplayName = displayName;
        if (DisplayNames.Problem(displayName) is { } problem)
        {
            ModelState.AddModelError(nameof(form.DisplayName), problem);
        }
        else if (await users.Users.AnyAsync(u => u.NormalizedDisplayName == DisplayNames.Normalize(displayName), cancellationToken))
        {
            ModelState.AddModelError(nameof(form.DisplayName), "That display name is taken. Choose another.");
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email!.Trim();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Same answer as a new registration, so the form never reveals who has an account here.
            await mailer.SendAlreadyRegisteredAsync(existing, HttpContext, cancellationToken);
            return View("Message", s_checkEmail);
        }

        var user = new ForumUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            NormalizedDisplayName = DisplayNames.Normalize(displayName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, form.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(form.Password) : "", error.Description);
            }
            return View(form);
        }

        await mailer.SendConfirmationAsync(user, HttpContext, cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false);
        return View("Message", s_checkEmail);
    }

    [HttpGet("confirm")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var token = AccountMailer.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Message", new MessagePage(
                "This link does not work",
                "The confirmation link is wrong or has expired. Sign in and ask for a new one."));
        }

        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }
        return View("Message", new MessagePage("Email confirmed", "Thank you. Your account is ready: you can start threads and reply."));
    }

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new EmailForm());

    [HttpPost("resend-confirmation")]
    public async Task<IActionResult> ResendConfirmation(EmailForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        if (await users.FindByEmailAsync(form.Email!.Trim()) is { EmailConfirmed: false } user)
        {
            await mailer.SendConfirmationAsync(user, HttpContext, cancellationToken);
        }
        return View("Message", s_checkEmail);
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        var result = user is null || user.IsSystem
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password!, form.RememberMe, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorSignInController.Code), "TwoFactorSignIn",
                new { returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null, rememberMe = form.RememberMe });
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "Too many failed attempts. This account is locked for a few minutes; try again later or reset your password."
            : "That email address and password do not match an account.");
        form.Password = null;
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        // A new security stamp ends this member's other sessions too, at their next check (within a minute).
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    public async Task<IActionResult> AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var user = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        var reason = user switch
        {
            { SuspendedUntil: { } until } when until > clock.GetUtcNow().UtcDateTime => DeniedReason.Suspended,
            { EmailConfirmed: false } => DeniedReason.Unconfirmed,
            _ => DeniedReason.NotAllowed,
        };
        return View(new AccessDeniedPage(reason, user?.SuspendedUntil, user?.SuspensionReason));
    }
}
