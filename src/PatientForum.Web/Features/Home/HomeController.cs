using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Home;

public sealed class HomeController(ThreadReader reader) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.HomeTag)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.GetTopicsAsync(Viewer.From(User), cancellationToken));
}
