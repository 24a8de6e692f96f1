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

    /// <summary>The same as <see cref="Policy"/>, for the home page, which is stored once per topic filter as well as per page.</summary>
    public const string HomePolicy = "anonymous-home";

    /// <summary>Every cached topic page, the home page and the guide share these tags.</summary>
    public const string TopicsTag = "topics";
    public const string HomeTag = "home";
    public const string GuideTag = "guide";

    /// <summary>
    /// Every feed and sitemap. They list threads and posts from across the forum (a profile's feed, posts in any
    /// thread), so any change that evicts the lists evicts them too.
    /// </summary>
    public const string FeedsTag = "feeds";

    /// <summary>On every cached page, for a change every page shows (the forum's name).</summary>
    public const string AllTag = "all";

    /// <summary>One thread's pages share this tag, scoped to the thread's id (see <see cref="ThreadTag"/>).</summary>
    public const string ThreadTagName = "thread";

    public static string ThreadTag(int threadId) => ScopedTag(ThreadTagName, threadId);

    public static string ScopedTag(string tag, int id) => string.Create(CultureInfo.InvariantCulture, $"{tag}:{id}");

    /// <summary>Every cached page that shows a member's posts carries this tag, scoped to the member's id.</summary>
    public const string MemberTagName = "member";

    public static string MemberTag(string memberId) => $"{MemberTagName}:{memberId}";

    /// <summary>
    /// Tags the page being served with the members whose posts it shows, so that a change to how their posts look
    /// (a staff badge given or taken away) evicts it. Which members a page shows is known only once it is read, so
    /// the action calls this rather than naming the tag in a <see cref="PageCacheTagAttribute"/>.
    /// </summary>
    public static void ShowsMembers(HttpContext http, IEnumerable<string> memberIds)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            foreach (var memberId in memberIds)
            {
                cache.Context.Tags.Add(MemberTag(memberId));
            }
        }
    }

    /// <summary>
    /// Keeps the response out of every cache: the visitors' page cache does not store it, and no browser or proxy may
    /// keep it. For pages that say a thread is for members, and members' own pages of such a thread.
    /// </summary>
    public static void NeverStore(HttpContext http)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
        http.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>
    /// A thread changed (a post added, edited, hidden, restored or removed; the thread renamed, moved,
    /// locked or pinned): evict its pages and every list that shows it.
    /// </summary>
    public async Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(ThreadTag(threadId), cancellationToken);
        await ListsChangedAsync(cancellationToken);
    }

    /// <summary>A change that only the thread's own pages show (reaction counts): the lists stay cached.</summary>
    public async Task ThreadPagesChangedAsync(int threadId, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(ThreadTag(threadId), cancellationToken);

    /// <summary>A member's roles changed: evict every page that shows their posts, which carry the staff badge.</summary>
    public async Task MemberChangedAsync(string memberId, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(MemberTag(memberId), cancellationToken);

    /// <summary>A change every page shows, such as the forum's name: evict every cached page.</summary>
    public async Task EverythingChangedAsync(CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(AllTag, cancellationToken);

    /// <summary>A change that only lists (and the feeds and sitemaps) show, such as a new thread.</summary>
    public async Task ListsChangedAsync(CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(TopicsTag, cancellationToken);
        await store.EvictByTagAsync(HomeTag, cancellationToken);
        await store.EvictByTagAsync(GuideTag, cancellationToken);
        await store.EvictByTagAsync(FeedsTag, cancellationToken);
    }
}
