using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>Claims the forum adds to the sign-in cookie.</summary>
public static class ForumClaims
{
    public const string EmailConfirmed = "pf:email_confirmed";
    public const string DisplayName = "pf:display_name";

    /// <summary>"true" when the member has two-factor sign-in turned on.</summary>
    public const string TwoFactor = "pf:two_factor";

    /// <summary>
    /// "true" when the member may use staff privileges now: holds the moderator or admin role, has two-factor
    /// sign-in on where Forum:Security:RequireTwoFactorForStaff asks for it, and is not suspended. Seeing hidden
    /// posts and skipping posting limits read this, so they follow the same rule as the moderation pages.
    /// </summary>
    public const string ActiveStaff = "pf:active_staff";

    public static string? DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName);

    public static bool HasTwoFactor(ClaimsPrincipal user) => user.HasClaim(TwoFactor, "true");

    public static bool IsActiveStaff(ClaimsPrincipal user) => user.HasClaim(ActiveStaff, "true");
}

/// <summary>Authorization policy names.</summary>
public static class ForumPolicies
{
    /// <summary>Signed in with a confirmed email address and not suspended.</summary>
    public const string CanPost = "CanPost";

    /// <summary>
    /// Signed in with a confirmed email address: for submitting the posting forms, whose service refuses a suspended
    /// member itself, so that the refusal can show the form again with what they wrote.
    /// </summary>
    public const string CanSubmitPost = "CanSubmitPost";

    /// <summary>Holds the moderator or the admin role (and, unless configured otherwise, has two-factor sign-in on).</summary>
    public const string Moderator = "Moderator";

    public const string Admin = "Admin";
}

/// <summary>
/// Puts the display name and the email-confirmed, two-factor and active-staff flags into the cookie, so pages
/// and policies need no lookup. The security stamp check rebuilds them within a minute of a change elsewhere
/// (a role granted, a suspension starting or ending).
/// </summary>
public sealed class ForumClaimsPrincipalFactory(
    UserManager<ForumUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IOptions<SecurityOptions> security,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<ForumUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ForumUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ForumClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ForumClaims.EmailConfirmed, user.EmailConfirmed ? "true" : "false"));
        identity.AddClaim(new Claim(ForumClaims.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        var activeStaff = ForumRoles.All.Any(role => identity.HasClaim(identity.RoleClaimType, role))
            && (user.TwoFactorEnabled || !security.Value.RequireTwoFactorForStaff)
            && !(user.SuspendedUntil > clock.GetUtcNow().UtcDateTime);
        identity.AddClaim(new Claim(ForumClaims.ActiveStaff, activeStaff ? "true" : "false"));
        return identity;
    }
}
