using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>The member's setting: which warned posts they always see open (everything else stays collapsed).</summary>
[Authorize]
public sealed class ContentWarningsController(ForumDbContext db, ContentWarningCatalog catalog, ContentWarningPreferences preferences, UserManager<ForumUser> users)
    : Controller
{
    private const string SavedKey = "ContentWarningsSaved";

    [HttpGet(ContentWarningUrls.Settings)]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) =>
        View(new ContentWarningSettingsPage(catalog.Kinds, await preferences.ShownAsync(User, cancellationToken), TempData[SavedKey] is true));

    [HttpPost(ContentWarningUrls.Settings)]
    public async Task<IActionResult> Settings(ContentWarningsForm form, CancellationToken cancellationToken)
    {
        var memberId = users.GetUserId(User)!;
        var shown = catalog.Normalize(form.ContentWarnings);
        await db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(set => set.SetProperty(u => u.ShownContentWarnings, shown), cancellationToken);
        TempData[SavedKey] = true;
        return Redirect(ContentWarningUrls.Settings);
    }
}
