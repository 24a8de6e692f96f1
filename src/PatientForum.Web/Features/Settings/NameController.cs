using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Settings;

/// <summary>
/// Changing one's display name. No password is asked (the name is public, not a key to the account), but a name is
/// how readers know each other, so changes are few (<see cref="NameChanges"/>), and a suspended member cannot change
/// theirs, as they cannot post.
/// </summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class NameController(
    UserManager<ForumUser> users, SignInManager<ForumUser> signIn, NameChanges changes, TakenNames taken, SecurityActivity activity) : Controller
{
    [HttpGet("/account/name")]
    public async Task<IActionResult> Index(bool saved = false, CancellationToken cancellationToken = default)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        return View(new NamePage(user.DisplayName, new NameForm { NewName = user.DisplayName }, await changes.NextChangeAsync(user.Id, cancellationToken), changes.ReservedDays, saved));
    }

    [HttpPost("/account/name")]
    public async Task<IActionResult> Index(NameForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var name = DisplayNames.Clean(form.NewName);
        form = form with { NewName = name };
        var normalized = DisplayNames.Normalize(name);
        var next = await changes.NextChangeAsync(user.Id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Refused(user, form, next, StatusCodes.Status422UnprocessableEntity);
        }
        if (DisplayNames.Problem(name) is { } problem)
        {
            ModelState.AddModelError(nameof(form.NewName), problem);
        }
        else if (name == user.DisplayName)
        {
            ModelState.AddModelError(nameof(form.NewName), "That is already your display name.");
        }
        else if (await taken.IsTakenAsync(normalized, user.Id, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.NewName), TakenNames.TakenMessage);
        }
        if (!ModelState.IsValid)
        {
            return Refused(user, form, next, StatusCodes.Status422UnprocessableEntity);
        }
        if (next is { } when)
        {
            ModelState.AddModelError(nameof(form.NewName), $"You changed your display name recently. You can change it again on {when.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
            Response.Headers.RetryAfter = ((int)Math.Ceiling(changes.WaitUntil(when).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Refused(user, form, next, StatusCodes.Status429TooManyRequests);
        }
        if (!await changes.ChangeAsync(user, name, normalized))
        {
            ModelState.AddModelError(nameof(form.NewName), TakenNames.TakenMessage);
            return Refused(await users.GetUserAsync(User) ?? user, form, next, StatusCodes.Status422UnprocessableEntity);
        }

        // The header shows the name from the sign-in cookie: a new cookie shows the new one at once.
        await signIn.RefreshSignInAsync(user);
        await activity.RecordAsync(user.Id, SecurityEventKind.DisplayNameChanged, Request.Headers.UserAgent, cancellationToken);
        return Redirect(ForumUrls.NameSettings + "?saved=true");
    }

    private ViewResult Refused(ForumUser user, NameForm form, DateTime? next, int status)
    {
        Response.StatusCode = status;
        return View(new NamePage(user.DisplayName, form, next, changes.ReservedDays));
    }
}
