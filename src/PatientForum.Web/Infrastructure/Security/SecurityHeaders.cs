namespace PatientForum.Web.Infrastructure.Security;

/// <summary>
/// Headers every response carries: a strict Content-Security-Policy (no inline script at all), no
/// sniffing, a careful referrer policy, and no caching of pages made for a signed-in member.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// 'self' covers the page's own ws:/wss: connection for live updates. Posts' images are turned into
    /// links, so no remote image source is needed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    // A member's page may hold their name and drafts; no browser or proxy may keep it.
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
