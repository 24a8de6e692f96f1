using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using PatientForum.Web.Infrastructure.Metrics;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Operations;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format, through OpenTelemetry: ASP.NET Core's requests, Kestrel's connections,
/// SignalR's connections, the .NET runtime, and the forum's own meter (<see cref="ForumMetrics"/>). Off by default; on,
/// it answers only the addresses in <c>Forum:Metrics:AllowedAddresses</c> (loopback by default), and everyone else gets
/// the same 404 as for a page that does not exist.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>
    /// SignalR's connection meter, named as well as through the ASP.NET Core instrumentation (which adds it with hosting's
    /// and Kestrel's), so that live connections stay reported whatever that package adds or drops.
    /// </summary>
    private static readonly string[] s_platformMeters = ["Microsoft.AspNetCore.Http.Connections"];

    public static IServiceCollection AddForumMetricsEndpoint(this IServiceCollection services)
    {
        services.AddForumOptions<MetricsOptions>(MetricsOptions.SectionName);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ForumMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddMeter(s_platformMeters)
            .AddRuntimeInstrumentation()
            // Each scrape reads the instruments afresh; only allowed addresses scrape, so there is no load to spare.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        // Whether metrics are on is known once the configuration is read. Off, every instrument is dropped, so none is
        // listened to: nothing records a measurement, and the forum's counters cost nothing.
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) =>
        {
            if (!sp.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
            {
                metrics.AddView(_ => MetricStreamConfiguration.Drop);
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapForumMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            // Made now, so that its gauges are there from the first scrape, before anything else needs it.
            endpoints.ServiceProvider.GetRequiredService<ForumMetrics>();
        }
        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!options.Enabled || !ClientAddress.IsIn(context, options.AllowedNetworks()))
            {
                // Empty, so the forum's own not-found page is shown, as for any address that leads nowhere.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        }), optionsName: null)
        .DisableRateLimiting();
        return endpoints;
    }
}
