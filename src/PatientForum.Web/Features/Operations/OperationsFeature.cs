namespace PatientForum.Web.Features.Operations;

/// <summary>
/// What the people running the forum watch: health endpoints for a proxy or an orchestrator, and Prometheus metrics
/// for monitoring. See docs/operations.md.
/// </summary>
public static class OperationsFeature
{
    public static IServiceCollection AddForumOperations(this IServiceCollection services)
    {
        services.AddForumHealth();
        services.AddForumMetricsEndpoint();
        services.AddHttpLoggingInterceptor<QuietProbes>();
        return services;
    }

    public static IEndpointRouteBuilder MapForumOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapForumHealth();
        endpoints.MapForumMetricsEndpoint();
        return endpoints;
    }
}
