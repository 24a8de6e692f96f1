using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Threads;

public sealed class ThreadsController(ThreadReader reader, ReadTracker reads) : Controller
{
    /// <summary>
    /// A thread, paginated. <c>/threads/{id}/{slug}</c> is the canonical URL; a missing or outdated slug
    /// redirects there permanently, so shared links keep working after a title changes.
    /// </summary>
    [HttpGet("/threads/{id:int}/{slug?}")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.ThreadTagName, RouteValue = "id")]
    public async Task<IActionResult> Show(int id, string? slug, int page = 1, CancellationToken cancellationToken = default)
    {
        var thread = await reader.GetThreadPageAsync(id, page, Viewer.From(User), cancellationToken);
        if (thread is null)
        {
            return await reader.IsGoneAsync(RemovedKind.Thread, id, cancellationToken) ? StatusCode(StatusCodes.Status410Gone) : NotFound();
        }
        if (!string.Equals(slug, thread.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(ForumUrls.Thread(id, thread.Slug, page));
        }
        PageCache.ShowsMembers(HttpContext, thread.Posts.Select(p => p.AuthorId).Distinct());
        if (Viewer.From(User).UserId is { } memberId && thread.Posts.Count > 0)
        {
            // Read markers and notifications follow what the member was shown (members' pages are never cached).
            await reads.SeenAsync(memberId, id, thread.Posts.Max(p => p.Id), cancellationToken);
        }
        return View(thread);
    }

    /// <summary>A post's permanent link: redirects to the page of its thread that shows it.</summary>
    [HttpGet("/posts/{id:int}")]
    public async Task<IActionResult> Post(int id, CancellationToken cancellationToken)
    {
        if (await reader.IsGoneAsync(RemovedKind.Post, id, cancellationToken) || await reader.IsPurgedAsync(id, cancellationToken))
        {
            return StatusCode(StatusCodes.Status410Gone);
        }
        var post = await reader.GetPostAsync(id, cancellationToken);
        var slug = post is null ? null : await reader.GetSlugAsync(post.ThreadId, cancellationToken);
        if (post is null || slug is null || !await reader.CanReadThreadAsync(post.ThreadId, User, cancellationToken))
        {
            return NotFound();
        }
        return Redirect(await reader.PostUrlAsync(post.ThreadId, slug, id, cancellationToken));
    }
}
