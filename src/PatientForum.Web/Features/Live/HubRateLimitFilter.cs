using Microsoft.AspNetCore.SignalR;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Limits hub calls per connection (a fixed window), so one page or script cannot flood the server
/// with joins and catch-up queries.
/// </summary>
public sealed class HubRateLimitFilter(TimeProvider clock) : IHubFilter
{
    public const int CallsPerWindow = 30;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private const string WindowKey = "pf:rate-window";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocationContext.Context.Items;
        var now = clock.GetUtcNow();
        if (items[WindowKey] is not CallWindow window || now - window.Start >= Window)
        {
            items[WindowKey] = window = new CallWindow(now);
        }
        if (++window.Calls > CallsPerWindow)
        {
            throw new HubException("Too many live requests. Wait a few seconds.");
        }
        return await next(invocationContext);
    }

    private sealed class CallWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public int Calls { get; set; }
    }
}
