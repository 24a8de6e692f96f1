using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Home;

public sealed class HomeController(LatestThreads latest, ReadTracker reads) : Controller
{
    /// <summary>
    /// The latest threads (of one topic with <paramref name="topic"/>), then the topics. A visitor's copy is cached once
    /// per topic and page, and evicted with every list (<see cref="PageCache.ListsChangedAsync"/>).
    /// </summary>
    [HttpGet("/")]
    [OutputCache(PolicyName = PageCache.HomePolicy)]
    [PageCacheTag(PageCache.HomeTag)]
    public async Task<IActionResult> Index(string? topic, int page = 1, CancellationToken cancellationToken = default)
    {
        var viewer = Viewer.From(User);
        var model = await latest.GetAsync(topic, page, viewer, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        // A renamed or removed member's name leaves the cached copies that show it (PageCache.MemberChangedAsync).
        PageCache.ShowsMembers(HttpContext, model.Threads.SelectMany(t => t.LastReply is { } reply ? [reply.AuthorId] : Array.Empty<string>()).Distinct());
        if (viewer.UserId is { } memberId)
        {
            ViewData[ReadTracker.UnreadViewDataKey] = await reads.UnreadCountsAsync(memberId, model.Threads.Select(t => t.Id).ToList(), cancellationToken);
        }
        return View(model);
    }
}
