using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Guide;

public sealed class GuideController(ThreadReader reader) : Controller
{
    /// <summary>The patient guide's parts in reading order, each a pinned thread open for replies.</summary>
    [HttpGet("/guide")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.GuideTag)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.GetGuideAsync(Viewer.From(User), cancellationToken));
}
