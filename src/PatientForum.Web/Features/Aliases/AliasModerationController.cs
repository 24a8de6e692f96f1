using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Web.Features.Aliases;

/// <summary>
/// Moderators' actions on the member behind an aliased post (see <see cref="AliasModeration"/>). Moderators and admins
/// only, checked here; with <c>Forum:Aliases:RevealRequiresAdmin</c> a reveal is for admins only.
/// </summary>
[Authorize(Policy = ForumPolicies.Moderator)]
[Route("moderation/posts/{id:int}")]
public sealed class AliasModerationController(AliasModeration aliases, UserManager<ForumUser> users, TimeProvider clock) : Controller
{
    [HttpPost("reveal")]
    public async Task<IActionResult> Reveal(int id, ReasonForm form, CancellationToken cancellationToken)
    {
        if (aliases.RevealRequiresAdmin && !User.IsInRole(ForumRoles.Admin))
        {
            return Refused("Only an admin can do that", "On this forum only admins may reveal who writes under an alias.");
        }
        var reason = form.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Message", new MessagePage("Give a reason", "A reveal needs a reason: it is kept in the audit log. Go back and write one."));
        }
        var revealed = await aliases.RevealAsync(id, users.GetUserId(User)!, reason, cancellationToken);
        return revealed is null ? NotFound() : View("/Features/Aliases/Views/Aliases/Revealed.cshtml", revealed);
    }

    [HttpPost("suspend-author")]
    public async Task<IActionResult> SuspendAuthor(int id, SuspendForm form, CancellationToken cancellationToken)
    {
        if (form.Days is < 0 or > 3650)
        {
            return BadRequest("Days must be between 0 and 3650; 0 or empty suspends indefinitely.");
        }
        DateTime? until = form.Days is > 0 ? clock.GetUtcNow().UtcDateTime.AddDays(form.Days.Value) : null;
        return await aliases.SuspendAuthorAsync(id, until, users.GetUserId(User)!, form.Reason, cancellationToken) switch
        {
            AliasActionOutcome.Done => LocalRedirect(ForumUrls.ModeratePost(id)),
            AliasActionOutcome.Refused => Refused("You cannot suspend this author", "Ask an admin to look at this post."),
            _ => NotFound(),
        };
    }

    [HttpPost("unsuspend-author")]
    public async Task<IActionResult> UnsuspendAuthor(int id, ReasonForm form, CancellationToken cancellationToken) =>
        await aliases.LiftAuthorSuspensionAsync(id, users.GetUserId(User)!, form.Reason, cancellationToken) switch
        {
            AliasActionOutcome.Done => LocalRedirect(ForumUrls.ModeratePost(id)),
            AliasActionOutcome.Refused => Refused("You cannot lift this author's suspension", "Ask an admin to look at this post."),
            _ => NotFound(),
        };

    private ViewResult Refused(string title, string text)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Message", new MessagePage(title, text));
    }
}
