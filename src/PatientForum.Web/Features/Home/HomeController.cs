using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Home;

public sealed class HomeController(ThreadReader reader) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.GetTopicsAsync(cancellationToken));
}
