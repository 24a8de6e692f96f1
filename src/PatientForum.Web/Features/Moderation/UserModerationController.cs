using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Moderation;

public sealed class SuspendForm
{
    /// <summary>Days of suspension; empty or 0 means indefinitely.</summary>
    public int? Days { get; set; }
    public string? Reason { get; set; }
}

public sealed record UserModerationPage(string Id, string DisplayName, DateTime? SuspendedUntil, string? SuspensionReason, int PostCount);

/// <summary>Suspend and unsuspend members. A suspended member can read but not post or flag.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
[Route("moderation/users/{id}")]
public sealed class UserModerationController(ForumDbContext db, ModerationService moderation, UserManager<ForumUser> users, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        var page = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && !u.IsSystem)
            .Select(u => new UserModerationPage(u.Id, u.DisplayName, u.SuspendedUntil, u.SuspensionReason, db.Posts.Count(p => p.AuthorId == u.Id)))
            .SingleOrDefaultAsync(cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("suspend")]
    public async Task<IActionResult> Suspend(string id, SuspendForm form, CancellationToken cancellationToken)
    {
        if (form.Days is < 0 or > 3650)
        {
            return BadRequest("Days must be between 0 and 3650; 0 or empty suspends indefinitely.");
        }
        DateTime? until = form.Days is > 0 ? clock.GetUtcNow().UtcDateTime.AddDays(form.Days.Value) : null;
        return Answer(id, await moderation.SuspendAsync(id, until, users.GetUserId(User)!, form.Reason, cancellationToken));
    }

    [HttpPost("unsuspend")]
    public async Task<IActionResult> Unsuspend(string id, ReasonForm form, CancellationToken cancellationToken) =>
        Answer(id, await moderation.UnsuspendAsync(id, users.GetUserId(User)!, form.Reason, cancellationToken));

    private IActionResult Answer(string id, SuspensionOutcome outcome) => outcome switch
    {
        SuspensionOutcome.Done => LocalRedirect(ForumUrls.ModerateUser(id)),
        SuspensionOutcome.Self => Refused("You cannot change your own suspension", "Ask another moderator or an admin."),
        SuspensionOutcome.StaffNeedsAdmin => Refused("Only an admin can do that", "Moderators and admins can only be suspended, or have a suspension lifted, by an admin."),
        _ => NotFound(),
    };

    private ViewResult Refused(string title, string text)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Message", new MessagePage(title, text));
    }
}
