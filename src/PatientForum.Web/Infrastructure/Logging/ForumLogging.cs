using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;

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
        AddJsonSwitch(builder.Services);
        return builder;
    }

    /// <summary>
    /// <c>Forum:Logging:Json</c> picks ASP.NET Core's JSON console formatter instead of the plain one. Only the format
    /// changes: the filters above decide which lines are written, whatever the format. Chosen when the console logger
    /// is made, so it follows every configuration source.
    /// </summary>
    private static void AddJsonSwitch(IServiceCollection services)
    {
        services.AddForumOptions<LogOutputOptions>(LogOutputOptions.SectionName);
        services.AddOptions<ConsoleLoggerOptions>().Configure<IOptions<LogOutputOptions>>((console, output) =>
        {
            if (output.Value.Json)
            {
                console.FormatterName = ConsoleFormatterNames.Json;
            }
        });
        services.AddOptions<JsonConsoleFormatterOptions>().Configure(json =>
        {
            // Scopes would add the request's path and ids to every line; the lines say what they need themselves.
            json.IncludeScopes = false;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }

    public static WebApplication UseForumRequestLogging(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}
