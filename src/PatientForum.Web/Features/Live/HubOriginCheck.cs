namespace PatientForum.Web.Features.Live;

/// <summary>
/// Refuses a hub handshake whose Origin is another site, so a page elsewhere cannot open live
/// connections with a visitor's cookies. Requests without an Origin (non-browser clients) carry no
/// cookies from another site and are allowed.
/// </summary>
public static class HubOriginCheck
{
    public static bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, PathString hubPath) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(hubPath), branch => branch.Use(async (context, next) =>
        {
            if (!IsAllowed(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Live updates are only available to this site's own pages.");
                return;
            }
            await next(context);
        }));
}
