using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Infrastructure.Caching;

/// <summary>Tags a cached page by what it shows (its action's <see cref="PageCacheTagAttribute"/>), so <see cref="PageCache"/> can evict exactly those pages.</summary>
public sealed class PageTagsPolicy(IOptions<ForumOptions> options) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!options.Value.PageCacheEnabled)
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }
        var http = context.HttpContext;

        // Every page shows the forum's name: a change to it (at /admin/settings) evicts them all.
        context.Tags.Add(PageCache.AllTag);
        foreach (var tagged in http.GetEndpoint()?.Metadata.GetOrderedMetadata<PageCacheTagAttribute>() ?? [])
        {
            if (tagged.For(http.Request.RouteValues) is { } tag)
            {
                context.Tags.Add(tag);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
