using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Part of the moderator and admin policies: with Forum:Security:RequireTwoFactorForStaff on, the member must
/// have two-factor sign-in turned on. Read from the cookie's claim, which the security stamp keeps current.
/// </summary>
public sealed class StaffTwoFactorRequirement : IAuthorizationRequirement;

public sealed class StaffTwoFactorHandler(IOptions<SecurityOptions> options) : AuthorizationHandler<StaffTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffTwoFactorRequirement requirement)
    {
        if (!options.Value.RequireTwoFactorForStaff || ForumClaims.HasTwoFactor(context.User))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// When staff are refused only because two-factor sign-in is off, a page they open sends them to set it up
/// (and back afterwards); anything else, such as a form POST, is answered 403. Every other refusal is the
/// usual sign-in or access-denied redirect.
/// </summary>
public sealed class StaffTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string SetUpPath = ForumUrls.TwoFactor;

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList();
        if (!authorizeResult.Forbidden || failed is not { Count: > 0 } || !failed.All(r => r is StaffTwoFactorRequirement))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{context.Request.PathBase}{SetUpPath}?returnUrl={Uri.EscapeDataString(back)}");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Task.CompletedTask;
    }
}

public static class StaffTwoFactorServices
{
    /// <summary>The requirement's handler and the redirect to set-up; the policies add the requirement itself.</summary>
    public static IServiceCollection AddForumTwoFactor(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, StaffTwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffTwoFactorResultHandler>();
        ConfigureCookie(services, IdentityConstants.TwoFactorUserIdScheme, "pf_2fa_step");
        ConfigureCookie(services, IdentityConstants.TwoFactorRememberMeScheme, "pf_2fa_device");
        return services;
    }

    /// <summary>The half-signed-in and remembered-device cookies get the same care as the sign-in cookie.</summary>
    private static void ConfigureCookie(IServiceCollection services, string scheme, string name) =>
        services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<IOptions<ForumOptions>>((options, forum) =>
        {
            var https = forum.Value.PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            options.Cookie.Name = https ? $"__Host-{name}" : name;
            options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
}
