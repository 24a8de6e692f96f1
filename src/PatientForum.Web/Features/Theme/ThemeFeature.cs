using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Theme;

/// <summary>
/// Light, dark or the device's theme. The choice is applied by CSS and a class that script sets from a cookie, never
/// by rendering different HTML. A member's choice is stored on their account and written to the cookie whenever they
/// sign in, so a new device picks it up.
/// </summary>
public static class ThemeFeature
{
    public static IServiceCollection AddForumTheme(this IServiceCollection services)
    {
        // Runs after Identity's own cookie set-up, so its events are kept and this one is added to them.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure(options =>
        {
            var signedIn = options.Events.OnSignedIn;
            options.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                await WriteStoredThemeAsync(context);
            };
        });
        return services;
    }

    private static async Task WriteStoredThemeAsync(CookieSignedInContext context)
    {
        var memberId = context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (memberId is null)
        {
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<ForumDbContext>();
        var theme = await db.Users.AsNoTracking().Where(u => u.Id == memberId).Select(u => (ThemeChoice?)u.Theme).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (theme is { } stored)
        {
            ThemeCookie.Write(context.HttpContext, stored);
        }
    }
}
