using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace PatientForum.Web.Infrastructure.Caching;

/// <summary>
/// Anonymous page caching: home, topic, thread and guide pages are served from ASP.NET Core's output
/// cache to visitors who are not signed in (signed-in members always get a fresh page), and every change
/// evicts the pages it touches, so a cached page is never stale.
/// </summary>
public sealed class PageCache(IOutputCacheStore store)
{
    public const string Policy = "anonymous-pages";

    /// <summary>Every cached topic page, the home page and the guide share these tags.</summary>
    public const string TopicsTag = "topics";
    public const string HomeTag = "home";
    public const string GuideTag = "guide";

    /// <summary>One thread's pages share this tag, scoped to the thread's id (see <see cref="ThreadTag"/>).</summary>
    public const string ThreadTagName = "thread";

    public static string ThreadTag(int threadId) => ScopedTag(ThreadTagName, threadId);

    public static string ScopedTag(string tag, int id) => string.Create(CultureInfo.InvariantCulture, $"{tag}:{id}");

    /// <summary>
    /// A thread changed (a post added, edited, hidden, restored or removed; the thread renamed, moved,
    /// locked or pinned): evict its pages and every list that shows it.
    /// </summary>
    public async Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(ThreadTag(threadId), cancellationToken);
        await ListsChangedAsync(cancellationToken);
    }

    /// <summary>A change that only lists show, such as a new thread.</summary>
    public async Task ListsChangedAsync(CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(TopicsTag, cancellationToken);
        await store.EvictByTagAsync(HomeTag, cancellationToken);
        await store.EvictByTagAsync(GuideTag, cancellationToken);
    }
}
