using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Posting;

/// <summary>Authors edit their own posts; earlier versions are kept for the author and the moderators, until the author deletes them.</summary>
public sealed class EditController(
    ForumDbContext db, PostingService posting, ThreadReader reader, UserManager<ForumUser> users, QuotedWarnings warnings) : Controller
{
    [Authorize(Policy = ForumPolicies.CanPost)]
    [HttpGet("/posts/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var post = await FindAsync(id, cancellationToken);
        if (post is null)
        {
            return NotFound();
        }
        if (!await IsEditableByAsync(post, cancellationToken))
        {
            return Forbid();
        }
        var form = new EditPostForm
        {
            Body = post.Markdown, Title = post.IsOpening ? post.Thread!.Title : null, ContentWarnings = [.. ContentWarningCatalog.Keys(post.ContentWarnings)],
        };
        return View(ToPage(post, form));
    }

    /// <summary>Saves an edit; a suspended author is refused by <see cref="PostingService"/>, which keeps their text in the form.</summary>
    [Authorize(Policy = ForumPolicies.CanSubmitPost)]
    [HttpPost("/posts/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditPostForm form, CancellationToken cancellationToken)
    {
        var post = await FindAsync(id, cancellationToken);
        if (post is null)
        {
            return NotFound();
        }
        if (!await IsEditableByAsync(post, cancellationToken))
        {
            return Forbid();
        }

        // A warning a moderator added stays, whatever the form sends: the form says so beside it.
        var chosen = await warnings.ForAsync(form.ContentWarnings.Concat(ContentWarningCatalog.Keys(post.ModeratorContentWarnings)), form.Body, cancellationToken);
        var result = await posting.EditAsync(User, post, form.Title, form.Body, form.PostAnyway, cancellationToken, chosen);
        if (result.Saved is { } saved)
        {
            return this.AfterSaved(saved, await reader.PostUrlAsync(saved.ThreadId, saved.ThreadSlug, saved.PostId, cancellationToken));
        }
        this.ShowNotSaved(result);
        form.Title = result.Text.Title;
        form.Body = result.Text.Body;
        return View(ToPage(post, form, result.Refusal) with { Warnings = result.Warnings });
    }

    /// <summary>The current version, and the earlier ones for those who may read them (see <see cref="PostHistoryService"/>).</summary>
    [HttpGet("/posts/{id:int}/history")]
    public async Task<IActionResult> History(int id, [FromServices] PostHistoryService history, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(User);
        if (await history.ReadAsync(id, viewer, cancellationToken) is { } page)
        {
            return View(page);
        }
        var threadId = await db.Posts.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.ThreadId).SingleOrDefaultAsync(cancellationToken);
        return threadId is { } thread && await reader.IsForMembersOnlyAsync(thread, viewer, cancellationToken) ? MembersOnlyAnswer.For(this, viewer) : NotFound();
    }

    /// <summary>
    /// The author deletes the earlier versions of their post: the first POST (from the history page) asks them to
    /// confirm, the second, with confirm=true, deletes. Anyone but the author is refused as for editing.
    /// </summary>
    [Authorize]
    [HttpPost("/posts/{id:int}/history/purge")]
    public async Task<IActionResult> PurgeHistory(int id, bool confirm, [FromServices] PostHistoryService history, CancellationToken cancellationToken)
    {
        if (!await db.Posts.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (await history.PurgeableAsync(id, users.GetUserId(User)!, cancellationToken) is not { } purgeable)
        {
            return Forbid();
        }
        if (!confirm)
        {
            return View(purgeable);
        }
        await history.PurgeAsync(id, users.GetUserId(User)!, cancellationToken);
        return Redirect(ForumUrls.PostHistory(id));
    }

    /// <summary>
    /// Only the author edits (the member behind an alias edits its posts, which stay under the alias), and only while
    /// the post is visible: a moderated post waits for the moderators.
    /// </summary>
    private async Task<bool> IsEditableByAsync(Post post, CancellationToken cancellationToken) =>
        post.State == PostState.Visible && await db.WritesAsAsync(users.GetUserId(User), post.AuthorId, cancellationToken);

    private Task<Post?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    private static EditPostPage ToPage(Post post, EditPostForm form, PostingRefusal? refusal = null) =>
        new(post.Id, post.ThreadId, post.Thread!.Title, post.IsOpening, form, refusal)
        {
            ModeratorWarnings = ContentWarningCatalog.Keys(post.ModeratorContentWarnings),
        };
}
