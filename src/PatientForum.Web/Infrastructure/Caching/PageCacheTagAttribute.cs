namespace PatientForum.Web.Infrastructure.Caching;

/// <summary>
/// Names the tag a cached page is evicted by, on the action that serves it, so the tag and the page cannot drift
/// apart. With <see cref="RouteValue"/> set, the tag is scoped to that route value ("thread:42"), so one
/// thread's pages are evicted without the others.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PageCacheTagAttribute(string tag) : Attribute
{
    public string Tag { get; } = tag;

    public string? RouteValue { get; init; }

    /// <summary>The tag for this request, or null when its route value is missing or not a number.</summary>
    public string? For(RouteValueDictionary values)
    {
        if (RouteValue is null)
        {
            return Tag;
        }
        return values[RouteValue] is string value && int.TryParse(value, out var id) ? PageCache.ScopedTag(Tag, id) : null;
    }
}
