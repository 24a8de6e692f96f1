using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// A post's Markdown, for the Quote button of a thread's composer (wwwroot/js/quote.js), which quotes a whole post in
/// the words its author wrote rather than as the page shows them. Only for members who may post, and only of a post
/// every reader of its thread sees: a post under moderation, hidden or removed, or one in a thread the member cannot
/// read, is not found, whoever else may still see it.
/// </summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class QuoteController(ForumDbContext db, ThreadReader reader) : Controller
{
    /// <summary>Set (true) in a thread page's ViewData when its viewer may reply: its posts then show a Quote button.</summary>
    public const string QuotingKey = "Quoting";

    [HttpGet("/posts/{id:int}/source")]
    public async Task<IActionResult> Source(int id, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == id && p.State == PostState.Visible)
            .Select(p => new { p.ThreadId, p.Markdown })
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null || !await reader.CanReadThreadAsync(post.ThreadId, User, cancellationToken))
        {
            return NotFound();
        }
        return Content(post.Markdown, "text/plain; charset=utf-8");
    }
}
