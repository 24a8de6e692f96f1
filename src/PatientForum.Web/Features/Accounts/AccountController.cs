using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>Registration, email confirmation, sign-in and sign-out.</summary>
[Route("account")]
public sealed class AccountController(
    UserManager<ForumUser> users,
    SignInManager<ForumUser> signIn,
    PasswordSignIn passwordSignIn,
    AccountMailer mailer,
    TimeProvider clock) : Controller
{
    private static readonly MessagePage s_checkEmail = new(
        "Check your email",
        "We have sent a link to the address you gave. Open it to confirm your account; then you can start threads and reply.");

    /// <summary>The only answer to a sign-in that did not work, whatever the reason.</summary>
    public const string NoSignInMessage =
        "We could not sign you in with that email address and password. If you registered recently, open the link in the email we sent you first. Forgotten your password? Choose a new one.";

    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    [EnableRateLimiting(AccountsFeature.AccountMailRateLimit)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] TakenNames taken, CancellationToken cancellationToken)
    {
        var displayName = DisplayNames.Clean(form.DisplayName);
        form.DisplayName = displayName;
        if (DisplayNames.Problem(displayName) is { } problem)
        {
            ModelState.AddModelError(nameof(form.DisplayName), problem);
        }
        else if (await taken.IsTakenAsync(DisplayNames.Normalize(displayName), null, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.DisplayName), TakenNames.TakenMessage);
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email!.Trim();
        var user = new ForumUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            NormalizedDisplayName = DisplayNames.Normalize(displayName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The password rules run, and the password is hashed, whether or not the address has an account: the answer
        // and the time it takes are the same either way, so the form never tells who has an account here.
        if (!await PasswordAcceptedAsync(user, form.Password!))
        {
            return View(form);
        }
        if (await users.FindByEmailAsync(email) is { IsSystem: false } existing)
        {
            _ = users.PasswordHasher.HashPassword(user, form.Password!);
            await mailer.SendAlreadyRegisteredAsync(existing, cancellationToken);
            return View("Message", s_checkEmail);
        }

        var result = await users.CreateAsync(user, form.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors.Where(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))))
            {
                ModelState.AddModelError("", error.Description);
            }

            // Only an address registered meanwhile is left: answered as any existing address is.
            return ModelState.IsValid ? View("Message", s_checkEmail) : View(form);
        }

        // Not signed in until the address is confirmed: a session here would tell the registrant that the address was new.
        await mailer.SendConfirmationAsync(user, cancellationToken);
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
        return View("Message", new MessagePage("Email confirmed", "Thank you. Your account is ready: sign in to start threads and reply."));
    }

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new EmailForm());

    [HttpPost("resend-confirmation")]
    [EnableRateLimiting(AccountsFeature.AccountMailRateLimit)]
    public IActionResult ResendConfirmation(EmailForm form, [FromServices] AccountMailRequests requests)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // Whether an unconfirmed account has the address is looked up afterwards, so the answer comes after the same work.
        requests.Queue(AccountMailKind.Confirmation, form.Email!.Trim());
        return View("Message", s_checkEmail);
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(AccountsFeature.SignInRateLimit)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] SecurityActivity activity)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var result = await passwordSignIn.SignInAsync(form.Email!.Trim(), form.Password!, form.RememberMe);
        if (result.Succeeded)
        {
            if (await users.FindByEmailAsync(form.Email.Trim()) is { } member)
            {
                await activity.RecordAsync(member.Id, SecurityEventKind.SignIn, Request.Headers.UserAgent);
            }
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorSignInController.Code), "TwoFactorSignIn",
                new { returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null, rememberMe = form.RememberMe });
        }

        // One message for a wrong password, an unknown address, an unconfirmed address and a locked account: any
        // other answer would tell a stranger that the address has an account. The owner of a locked account can
        // sign in once the lockout ends, or at once after a password reset.
        ModelState.AddModelError("", NoSignInMessage);
        form.Password = null;
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromServices] SecurityActivity activity)
    {
        // A new security stamp ends this member's other sessions too, at their next check (within a minute).
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await activity.RecordAsync(user.Id, SecurityEventKind.SignedOut, Request.Headers.UserAgent);
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

    /// <summary>Runs Identity's password rules (length, the common-passwords list, not the address or name) into the form's errors.</summary>
    private async Task<bool> PasswordAcceptedAsync(ForumUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(RegisterForm.Password), error.Description);
            }
        }
        return ModelState.IsValid;
    }
}
