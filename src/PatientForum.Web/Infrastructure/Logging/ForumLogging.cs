using Microsoft.AspNetCore.HttpLogging;

namespace PatientForum.Web.Infrastructure.Logging;

/// <summary>
/// Keeps secrets out of the logs at any configured level. Query strings carry what must never be logged: the
/// reset and confirmation codes in mailed links, and what people search for. ASP.NET Core's own request lines
/// ("Request starting ... ?code=...") and link generation's debug lines (route values) print them, so those two
/// categories are held at Warning whatever the configuration says. Identity's user manager writes a token's
/// purpose at Debug when a check fails, and the purpose of an email change token is the new address, so that
/// category is held at Information. Requests are logged instead by
/// <see cref="HttpLoggingMiddleware"/> with method, path, status and duration only: no query, no headers, no body.
/// Like the lines it replaces, it writes at Information under Microsoft.AspNetCore, so it is off by default.
/// </summary>
public static class ForumLogging
{
    private const string HostingRequests = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string LinkGeneration = "Microsoft.AspNetCore.Routing.DefaultLinkGenerator";
    private const string IdentityUserManager = "Microsoft.AspNetCore.Identity.UserManager";

    public static WebApplicationBuilder AddForumLogging(this WebApplicationBuilder builder)
    {
        // Added after the configuration's rules, so these win over a configured level for the same category.
        builder.Logging.AddFilter(HostingRequests, LogLevel.Warning);
        builder.Logging.AddFilter(LinkGeneration, LogLevel.Warning);
        builder.Logging.AddFilter(IdentityUserManager, LogLevel.Information);
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }

    public static WebApplication UseForumRequestLogging(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}
