using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Theme;

/// <summary>
/// Saves a member's theme from the header's menu, so it follows them to every device they sign in on. Visitors'
/// choices never reach the server: the menu's script keeps them in the cookie alone.
/// </summary>
[Authorize]
public sealed class ThemeController(ForumDbContext db, UserManager<ForumUser> users) : Controller
{
    public const string SavePath = "/account/theme";

    [HttpPost(SavePath)]
    public async Task<IActionResult> Save(ThemeForm form, CancellationToken cancellationToken)
    {
        if (form.Theme is not { } theme || !Enum.IsDefined(theme))
        {
            return BadRequest();
        }
        var memberId = users.GetUserId(User)!;
        await db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(set => set.SetProperty(u => u.Theme, theme), cancellationToken);
        ThemeCookie.Write(HttpContext, theme);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
    }
}

/// <summary>The theme menu's form: the button pressed, and the page it was pressed on.</summary>
public sealed record ThemeForm(ThemeChoice? Theme, string? ReturnUrl);
