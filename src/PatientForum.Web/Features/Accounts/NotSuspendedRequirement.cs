using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>The member is not suspended. Checked against the database, so a suspension applies at once.</summary>
public sealed class NotSuspendedRequirement : IAuthorizationRequirement;

public sealed class NotSuspendedHandler(ForumDbContext db, TimeProvider clock) : AuthorizationHandler<NotSuspendedRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, NotSuspendedRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        var until = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SuspendedUntil).SingleOrDefaultAsync();
        if (until is null || until <= clock.GetUtcNow().UtcDateTime)
        {
            context.Succeed(requirement);
        }
    }
}
