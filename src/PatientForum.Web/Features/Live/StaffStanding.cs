using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Who may use staff rights now, read from the database each time it is asked. A live connection keeps the claims
/// of the moment it opened for as long as it stays open, so a moderator demoted or suspended since (through /admin,
/// a suspension, or the command line, which no cookie check hears of) would otherwise keep receiving hidden posts.
/// The rule is the one the sign-in cookie's active-staff flag follows (<see cref="ForumClaims.ActiveStaff"/>).
/// </summary>
public sealed class StaffStanding(ForumDbContext db, IOptions<SecurityOptions> security, TimeProvider clock)
{
    /// <summary>Whether the member holds a staff role with its privileges active now.</summary>
    public async Task<bool> IsActiveStaffAsync(string? userId, CancellationToken cancellationToken) =>
        userId is not null && await ActiveStaff().AnyAsync(u => u.Id == userId, cancellationToken);

    /// <summary>The ids of every member with staff privileges now: the audience of pushes only staff may read.</summary>
    public async Task<IReadOnlyList<string>> ActiveStaffIdsAsync(CancellationToken cancellationToken) =>
        await ActiveStaff().Select(u => u.Id).ToListAsync(cancellationToken);

    private IQueryable<ForumUser> ActiveStaff()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var twoFactorRequired = security.Value.RequireTwoFactorForStaff;
        var staffRoleIds = db.Roles.Where(r => ForumRoles.All.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.AsNoTracking().Where(u =>
            db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId))
            && (u.TwoFactorEnabled || !twoFactorRequired)
            && (u.SuspendedUntil == null || u.SuspendedUntil <= now));
    }
}
