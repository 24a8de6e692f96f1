using System.Security.Claims;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Threads;

/// <summary>
/// The title shown beside a staff member's name on the posts they wrote as staff (<see cref="Data.Post.AsStaff"/>) and
/// in search results. The title comes from the roles the forum holds, never from the post's text, so a member's post
/// that copies a moderator's look still shows no badge; and it shows only while the author holds the role.
/// </summary>
public static class StaffBadges
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";

    /// <summary>The badge for a member with these roles, or null.</summary>
    public static string? Of(bool isAdmin, bool isModerator) => isAdmin ? Admin : isModerator ? Moderator : null;

    /// <summary>The badge for the signed-in member, from the roles their sign-in carries.</summary>
    public static string? Of(ClaimsPrincipal member) => Of(member.IsInRole(ForumRoles.Admin), member.IsInRole(ForumRoles.Moderator));

    /// <summary>The badge for a role name as stored (the lowest-sorting of a member's roles: admin before moderator).</summary>
    public static string? OfRole(string? role) => Of(role == ForumRoles.Admin, role == ForumRoles.Moderator);
}
