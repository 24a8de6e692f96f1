using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.ContentWarnings;

namespace PatientForum.Web.Features.StyleGuide;

/// <summary>
/// The living style page: each component drawn by the same partial or tag helper the forum's pages use, with made-up
/// sample data (nothing from the database) and a note on when to use it. For admins, and for anyone while the
/// environment is Development, where there may be no admin yet.
/// </summary>
public sealed class StyleGuideController(IWebHostEnvironment environment, IAuthorizationService authorization, ContentWarningCatalog warnings, TimeProvider clock)
    : Controller
{
    public const string Path = "/styleguide";

    [HttpGet(Path)]
    public async Task<IActionResult> Index()
    {
        if (!environment.IsDevelopment() && !(await authorization.AuthorizeAsync(User, ForumPolicies.Admin)).Succeeded)
        {
            // As [Authorize] answers: visitors are sent to sign in, members get the access-denied page.
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        // A field shown with its error, as a refused form shows it.
        ModelState.AddModelError(StyleGuideSamples.FieldWithError.Name, "Enter an email address, like name@example.com.");
        return View(StyleGuideSamples.Build(clock.GetUtcNow().UtcDateTime, warnings.Kinds.Count > 0 ? warnings.Kinds[0].Key : null));
    }
}
