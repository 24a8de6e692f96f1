using Microsoft.AspNetCore.Mvc;

namespace PatientForum.Web.Features.Threads;

public sealed class ThreadsController(ThreadReader reader) : Controller
{
    /// <summary>
    /// A thread, paginated. <c>/threads/{id}/{slug}</c> is the canonical URL; a missing or outdated slug
    /// redirects there permanently, so shared links keep working after a title changes.
    /// </summary>
    [HttpGet("/threads/{id:int}/{slug?}")]
    public async Task<IActionResult> Show(int id, string? slug, int page = 1, CancellationToken cancellationToken = default)
    {
        var thread = await reader.GetThreadPageAsync(id, page, Viewer.From(User), cancellationToken);
        if (thread is null)
        {
            return NotFound();
        }
        if (!string.Equals(slug, thread.Slug, StringComparison.Ordinal))
        {
            return RedirectToActionPermanent(nameof(Show), new { id, slug = thread.Slug, page = page == 1 ? (int?)null : page });
        }
        return View(thread);
    }
}
