using Microsoft.AspNetCore.HttpLogging;

namespace PatientForum.Web.Features.Operations;

/// <summary>
/// Leaves health probes and metric scrapes out of the request log: an orchestrator or Prometheus asks every few
/// seconds, and the lines would bury the requests people make. Request logging runs before routing (so it sees every
/// request), which is why the path decides here rather than the endpoint's metadata.
/// </summary>
public sealed class QuietProbes : IHttpLoggingInterceptor
{
    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var path = logContext.HttpContext.Request.Path;
        if (path.StartsWithSegments(HealthEndpoints.LivePath, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(MetricsEndpoint.Path, StringComparison.OrdinalIgnoreCase))
        {
            logContext.LoggingFields = HttpLoggingFields.None;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
