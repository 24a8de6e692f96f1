using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Operations;

/// <summary>A health report as admins and loopback see it: each check's name, status and duration.</summary>
public sealed record HealthDetails(string Status, double DurationMs, IReadOnlyList<HealthCheckDetails> Checks);

/// <summary>One check in <see cref="HealthDetails"/>.</summary>
/// <param name="Name">The check's name: database, redis or outbox.</param>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="DurationMs">How long the check took, in milliseconds.</param>
/// <param name="Description">What the check found, only for checks whose descriptions the forum writes itself.</param>
/// <param name="Error">The kind of error a failed check met (its exception's type), never its message.</param>
public sealed record HealthCheckDetails(string Name, string Status, double DurationMs, string? Description, string? Error);

/// <summary>
/// Writes a health report. The public gets the status word alone (the status code says the same); an admin, or a
/// request from loopback (a probe on the machine, see <see cref="ClientAddress"/>), gets every check. No check's
/// exception message is written: a driver's message may carry a host, a user name or worse.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Checks whose descriptions the forum writes, and which hold nothing but counts and ages.</summary>
    private static readonly HashSet<string> s_ownDescriptions = [OutboxHealthCheck.Name];

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (!await MaySeeDetailsAsync(context))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
            return;
        }
        var details = new HealthDetails(
            report.Status.ToString(),
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            [.. report.Entries.Select(entry => new HealthCheckDetails(
                entry.Key,
                entry.Value.Status.ToString(),
                Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                s_ownDescriptions.Contains(entry.Key) ? entry.Value.Description : null,
                entry.Value.Exception?.GetType().Name))]);
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, details, s_json, context.RequestAborted);
    }

    private static async Task<bool> MaySeeDetailsAsync(HttpContext context)
    {
        if (ClientAddress.IsLoopback(context))
        {
            return true;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(context.User, ForumPolicies.Admin)).Succeeded;
    }
}
