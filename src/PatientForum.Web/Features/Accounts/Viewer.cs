using System.Security.Claims;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Who is reading: decides whether hidden threads and posts are shown, and (<see cref="ReadsMembersOnly"/>) whether
/// members-only threads are. <see cref="ThreadAccess"/> applies both to queries.
/// </summary>
public sealed record Viewer(string? UserId, bool IsModerator, bool IsConfirmed = false)
{
    public static Viewer Anonymous { get; } = new(null, false);

    public static Viewer From(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true
        ? new Viewer(user.FindFirstValue(ClaimTypes.NameIdentifier), IsStaff(user), user.HasClaim(ForumClaims.EmailConfirmed, "true"))
        : Anonymous;

    /// <summary>Signed in, whether or not the email address is confirmed yet.</summary>
    public bool IsSignedIn => UserId is not null;

    /// <summary>
    /// Whether members-only threads are for this reader: a signed-in member with a confirmed email address, or staff.
    /// Visitors and members who have not confirmed their address are not.
    /// </summary>
    public bool ReadsMembersOnly => IsModerator || (UserId is not null && IsConfirmed);

    /// <summary>
    /// Staff privileges (hidden content, no posting limits) apply only while the moderation pages would open too:
    /// two-factor on where required, not suspended. See <see cref="ForumClaims.ActiveStaff"/>.
    /// </summary>
    public static bool IsStaff(ClaimsPrincipal user) => ForumClaims.IsActiveStaff(user);

    /// <summary>Holds a staff role, whether or not its privileges are active yet (for telling staff what they must do).</summary>
    public static bool HoldsStaffRole(ClaimsPrincipal user) => user.IsInRole(ForumRoles.Moderator) || user.IsInRole(ForumRoles.Admin);
}
