using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Features.Treatments;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Feeds;

/// <summary>
/// RSS 2.0 and Atom feeds of the forum's latest threads, a topic's threads, a thread's replies, a treatment's stories and a member's posts, at
/// the page's own address plus <c>/feed.rss</c> or <c>/feed.atom</c> (the home page's are <c>/feed.rss</c> and
/// <c>/feed.atom</c>). Public content only, the same for everyone who asks (<see cref="FeedReader"/>); served from the
/// page cache and evicted with the lists (<see cref="PageCache.FeedsTag"/>) and with the members they name.
/// </summary>
public sealed class FeedsController(FeedReader feeds, ProfileReader profiles, IOptions<ForumOptions> forum) : Controller
{
    /// <summary>The route segment of a feed's address: <c>feed.rss</c> or <c>feed.atom</c>.</summary>
    public const string FeedSegment = "feed.{format:regex(^(rss|atom)$)}";

    [HttpGet("/" + FeedSegment)]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Site(FeedFormat format, CancellationToken cancellationToken) =>
        Feed(await feeds.SiteAsync(cancellationToken), format, ForumUrls.SiteFeed(format));

    /// <summary>A topic's newest threads; a members-only topic has no feed (404), since none of its threads is public.</summary>
    [HttpGet("/t/{slug}/" + FeedSegment)]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Topic(string slug, FeedFormat format, CancellationToken cancellationToken) =>
        await feeds.TopicAsync(slug, cancellationToken) is { } content ? Feed(content, format, ForumUrls.TopicFeed(slug, format)) : NotFound();

    /// <summary>A thread's newest replies; only a thread anyone may read has one (404 for any other, members-only included).</summary>
    [HttpGet("/threads/{id:int}/" + FeedSegment)]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Thread(int id, FeedFormat format, CancellationToken cancellationToken) =>
        await feeds.ThreadAsync(id, cancellationToken) is { } content ? Feed(content, format, ForumUrls.ThreadFeed(id, format)) : NotFound();

    /// <summary>A treatment's newest public stories; 404 for a treatment that does not exist.</summary>
    [HttpGet("/treatments/{slug}/" + FeedSegment)]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Treatment(string slug, FeedFormat format, CancellationToken cancellationToken) =>
        await feeds.TreatmentAsync(slug, cancellationToken) is { } content ? Feed(content, format, TreatmentUrls.Feed(slug, format)) : NotFound();

    /// <summary>
    /// A member's newest public posts. Found as the profile page finds them: another spelling of the same name redirects
    /// (301) to the member's own, and an unknown, deleted or unconfirmed member has none (404, for staff too).
    /// </summary>
    [HttpGet("/u/{name}/" + FeedSegment)]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.FeedsTag)]
    public async Task<IActionResult> Profile(string name, FeedFormat format, CancellationToken cancellationToken)
    {
        var member = await profiles.FindAsync(name, cancellationToken);
        if (member is null || !member.IsPublic)
        {
            return NotFound();
        }
        if (!string.Equals(name, member.DisplayName, StringComparison.Ordinal))
        {
            return RedirectPermanent(ForumUrls.ProfileFeed(member.DisplayName, format));
        }
        return Feed(await feeds.ProfileAsync(member, cancellationToken), format, ForumUrls.ProfileFeed(member.DisplayName, format));
    }

    private IActionResult Feed(FeedContent content, FeedFormat format, string path)
    {
        // A member renamed or deleted changes the name a cached feed shows: their tag evicts it (PageCache.MemberChangedAsync).
        PageCache.ShowsMembers(HttpContext, content.Entries.Select(e => e.AuthorId).Distinct());
        var body = FeedWriter.Write(content, format, ForumUrls.Absolute(forum.Value.PublicUrl, path));
        return ConditionalGet.Answer(HttpContext, body, $"{format.MediaType()}; charset=utf-8", W3CDates.Utc(content.Updated));
    }
}
