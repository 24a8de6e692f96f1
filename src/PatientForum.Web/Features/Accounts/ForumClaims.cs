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

    public static string? DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName);
}

/// <summary>Authorization policy names.</summary>
public static class ForumPolicies
{
    /// <summary>Signed in with a confirmed email address and not suspended.</summary>
    public const string CanPost = "CanPost";

    /// <summary>Holds the moderator or the admin role.</summary>
    public const string Moderator = "Moderator";

    public const string Admin = "Admin";
}

/// <summary>Puts the display name and the email-confirmed flag into the cookie, so pages need no lookup.</summary>
public sealed class ForumClaimsPrincipalFactory(
    UserManager<ForumUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ForumUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ForumUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ForumClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ForumClaims.EmailConfirmed, user.EmailConfirmed ? "true" : "false"));
        return identity;
    }
}
