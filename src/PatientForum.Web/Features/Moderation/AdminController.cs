using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Moderation;

public sealed record StaffMember(string Id, string DisplayName, string Email, bool IsAdmin);

public sealed record StaffPage(IReadOnlyList<StaffMember> Moderators, string? Message);

/// <summary>
/// Admins grant and revoke the moderator role (also possible from the command line). The role shows as a badge on
/// the member's posts, so the cached pages that show them are evicted with each change.
/// </summary>
[Authorize(Policy = ForumPolicies.Admin)]
[Route("admin/moderators")]
public sealed class AdminController(UserManager<ForumUser> users, ModerationService moderation, PageCache pages) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? message) => View(new StaffPage(await StaffAsync(), message));

    [HttpPost("grant")]
    public async Task<IActionResult> Grant(string? email, string? reason)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsSystem)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new StaffPage(await StaffAsync(), "No member has that email address."));
        }
        if (!await users.IsInRoleAsync(user, ForumRoles.Moderator))
        {
            moderation.Audit(ModerationKind.GrantModerator, users.GetUserId(User)!, reason, null, null, user.Id);
            await users.AddToRoleAsync(user, ForumRoles.Moderator);
            await users.UpdateSecurityStampAsync(user);
            await RoleChangedAsync(user);
        }
        return LocalRedirect(ForumUrls.Moderators);
    }

    [HttpPost("revoke")]
    public async Task<IActionResult> Revoke(string? userId, string? reason)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }
        if (await users.IsInRoleAsync(user, ForumRoles.Moderator))
        {
            moderation.Audit(ModerationKind.RevokeModerator, users.GetUserId(User)!, reason, null, null, user.Id);
            await users.RemoveFromRoleAsync(user, ForumRoles.Moderator);
            await users.UpdateSecurityStampAsync(user);
            await RoleChangedAsync(user);
        }
        return LocalRedirect(ForumUrls.Moderators);
    }

    /// <summary>The change is saved by now: its eviction runs to the end even if the admin's browser stops waiting.</summary>
    private Task RoleChangedAsync(ForumUser user) => pages.MemberChangedAsync(user.Id, CancellationToken.None);

    private async Task<IReadOnlyList<StaffMember>> StaffAsync()
    {
        var moderators = await users.GetUsersInRoleAsync(ForumRoles.Moderator);
        var admins = (await users.GetUsersInRoleAsync(ForumRoles.Admin)).Select(u => u.Id).ToHashSet();
        return moderators.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? "", admins.Contains(u.Id)))
            .ToList();
    }
}
