using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.MembersOnly;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Threads;

public sealed class ThreadsController(ThreadReader reader, ReadTracker reads, ReadingWatch watch, ThreadMetaBuilder meta) : Controller
{
    /// <summary>
    /// A thread, paginated. <c>/threads/{id}/{slug}</c> is the canonical URL; a missing or outdated slug
    /// redirects there permanently, so shared links keep working after a title changes. A members-only thread is
    /// for those who read members-only threads (<see cref="ThreadAccess"/>); anyone else gets the members' page,
    /// which names nothing of it.
    /// </summary>
    [HttpGet("/threads/{id:int}/{slug?}")]
    [OutputCache(PolicyName = PageCache.Policy)]
    [PageCacheTag(PageCache.ThreadTagName, RouteValue = "id")]
    public async Task<IActionResult> Show(int id, string? slug, int page = 1, CancellationToken cancellationToken = default)
    {
        var viewer = Viewer.From(User);
        var thread = await reader.GetThreadPageAsync(id, page, viewer, cancellationToken);
        if (thread is null)
        {
            return await NotReadableAsync(id, viewer, cancellationToken);
        }
        if (!string.Equals(slug, thread.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(ForumUrls.Thread(id, thread.Slug, page));
        }
        if (thread.Audience.IsMembersOnly)
        {
            PageCache.NeverStore(HttpContext);
            if (await watch.ReadAsync(viewer, cancellationToken) is { } wait)
            {
                return MembersOnlyAnswer.TooFast(this, wait);
            }
        }
        // The opening post's author is named in the page's head on every page (ThreadMeta), so they are shown on each.
        PageCache.ShowsMembers(HttpContext, thread.Posts.Select(p => p.AuthorId).Append(thread.Audience.AuthorId).Distinct());
        ViewData[ThreadMetaBuilder.Key] = await meta.ForAsync(thread, cancellationToken);
        if (viewer.UserId is { } memberId && thread.Posts.Count > 0)
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
        var viewer = Viewer.From(User);
        var post = await reader.GetPostAsync(id, cancellationToken);
        var slug = post is null ? null : await reader.GetSlugAsync(post.ThreadId, cancellationToken);
        if (post is null || slug is null)
        {
            return NotFound();
        }
        if (!await reader.CanReadThreadAsync(post.ThreadId, viewer, cancellationToken))
        {
            return await reader.IsForMembersOnlyAsync(post.ThreadId, viewer, cancellationToken) ? MembersOnlyAnswer.For(this, viewer) : NotFound();
        }
        return Redirect(await reader.PostUrlAsync(post.ThreadId, slug, id, cancellationToken));
    }

    /// <summary>Why a thread's address shows nothing: removed by its author (410), for members only, or not there (404).</summary>
    private async Task<IActionResult> NotReadableAsync(int id, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await reader.IsForMembersOnlyAsync(id, viewer, cancellationToken))
        {
            return MembersOnlyAnswer.For(this, viewer);
        }
        return await reader.IsGoneAsync(RemovedKind.Thread, id, cancellationToken) ? StatusCode(StatusCodes.Status410Gone) : NotFound();
    }
}
