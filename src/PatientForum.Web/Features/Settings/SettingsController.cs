using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Settings;

/// <summary>The settings hub that leads to every settings page, and the member's own security activity.</summary>
[Authorize]
public sealed class SettingsController(UserManager<ForumUser> users, ForumDbContext db, IOptions<SettingsOptions> options) : Controller
{
    [HttpGet("/account")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(new SettingsHubPage(user.DisplayName, user.Email!, user.TwoFactorEnabled));
    }

    /// <summary>Only ever the signed-in member's own events: there is no id to name anyone else's.</summary>
    [HttpGet("/account/activity")]
    public async Task<IActionResult> Activity(CancellationToken cancellationToken)
    {
        var memberId = users.GetUserId(User)!;
        var rows = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == memberId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(SecurityActivity.ListedMax)
            .Select(e => new ActivityRow(e.Kind, e.At, e.Client))
            .ToListAsync(cancellationToken);
        return View(new ActivityPage(rows, options.Value.ActivityKeepDays, SecurityActivity.ListedMax));
    }
}
