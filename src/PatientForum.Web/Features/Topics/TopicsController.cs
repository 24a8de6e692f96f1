using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Topics;

public sealed class TopicsController(ThreadReader reader, ReadTracker reads) : Controller
{
    /// <summary>A topic's threads: pinned first, then by latest activity. The URL is a public contract.</summary>
    [HttpGet("/t/{slug}")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.TopicsTag)]
    public async Task<IActionResult> Show(string slug, int page = 1, CancellationToken cancellationToken = default)
    {
        var viewer = Viewer.From(User);
        var topic = await reader.GetTopicPageAsync(slug, page, viewer, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }
        if (viewer.UserId is { } memberId)
        {
            ViewData[ReadTracker.UnreadViewDataKey] = await reads.UnreadCountsAsync(memberId, topic.Threads.Select(t => t.Id).ToList(), cancellationToken);
        }
        return View(topic);
    }
}
