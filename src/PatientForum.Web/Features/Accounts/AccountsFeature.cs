using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>Signing in and two-factor codes, per client address (Forum:RateLimits:SignInsPerMinute).</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// The forms that send account mail (register, resend confirmation, forgot password), per client address
    /// (Forum:RateLimits:AccountMailsPerHourPerIp); each address's own limit is <see cref="AccountMailLimits"/>.
    /// </summary>
    public const string AccountMailRateLimit = "account-mail-ip";

    /// <summary>Members: Identity on the forum's database, the sign-in cookie, two-factor, and the posting and staff policies.</summary>
    public static IServiceCollection AddForumAccounts(this IServiceCollection services)
    {
        services.AddForumOptions<SecurityOptions>(SecurityOptions.SectionName);
        services.AddFixedWindowPolicy(SignInRateLimit, sp => sp.GetRequiredService<IOptions<RateLimitOptions>>().Value is { Enabled: true } limits
            ? (limits.SignInsPerMinute, TimeSpan.FromMinutes(1))
            : null);
        services.AddFixedWindowPolicy(AccountMailRateLimit, sp => sp.GetRequiredService<IOptions<RateLimitOptions>>().Value is { Enabled: true } limits
            ? (limits.AccountMailsPerHourPerIp, TimeSpan.FromHours(1))
            : null);
        services.AddSingleton<AccountMailLimits>();
        services.AddHostedService<DisplayNameSkeletons>();
        services.AddScoped<AccountMailer>();
        services.AddSingleton<AccountMailRequests>();
        services.AddHostedService<AccountMailRequestSender>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SecurityActivity>();
        services.AddScoped<TakenNames>();
        services.AddIdentity<ForumUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // The user name is the email address, and addresses may hold any character.
                options.User.AllowedUserNameCharacters = "";
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                // Nobody is signed in before confirming the address: otherwise registering someone else's address
                // and signing in with the password just chosen would show whether that address already had an account.
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<ForumDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<ForumClaimsPrincipalFactory>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ForumOptions>>((options, forum) =>
            {
                // Served over HTTPS (as Forum:PublicUrl says), the cookie is Secure and takes the __Host- prefix,
                // which browsers only accept from this exact host, over HTTPS, for the whole site.
                var https = forum.Value.PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/access-denied";
                options.Cookie.Name = https ? "__Host-pf_auth" : "pf_auth";
                options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
            });

        // Roles and suspensions reach signed-in sessions within a minute of a change.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<IAuthorizationHandler, NotSuspendedHandler>();
        services.AddForumTwoFactor();
        services.AddAuthorizationBuilder()
            .AddPolicy(ForumPolicies.CanPost, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(ForumClaims.EmailConfirmed, "true")
                .AddRequirements(new NotSuspendedRequirement()))
            // Posting forms are let through while suspended, so the form can come back with the member's text and the reason.
            .AddPolicy(ForumPolicies.CanSubmitPost, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(ForumClaims.EmailConfirmed, "true"))
            // A suspended moderator or admin is refused like anyone else until the suspension ends.
            .AddPolicy(ForumPolicies.Moderator, policy => policy.RequireRole(ForumRoles.Moderator, ForumRoles.Admin)
                .AddRequirements(new StaffTwoFactorRequirement(), new NotSuspendedRequirement()))
            .AddPolicy(ForumPolicies.Admin, policy => policy.RequireRole(ForumRoles.Admin)
                .AddRequirements(new StaffTwoFactorRequirement(), new NotSuspendedRequirement()));
        return services;
    }
}
