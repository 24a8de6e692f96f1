using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Posting;

/// <summary>Authors edit their own posts; every earlier version is kept and can be read.</summary>
public sealed class EditController(ForumDbContext db, PostingService posting, ThreadReader reader, UserManager<ForumUser> users) : Controller
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
        if (!IsEditableBy(post))
        {
            return Forbid();
        }
        var form = new EditPostForm { Body = post.Markdown, Title = post.IsOpening ? post.Thread!.Title : null };
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
        if (!IsEditableBy(post))
        {
            return Forbid();
        }

        var result = await posting.EditAsync(User, post, form.Title, form.Body, cancellationToken);
        if (result.Saved is { } saved)
        {
            return Redirect(await reader.PostUrlAsync(saved.ThreadId, saved.ThreadSlug, saved.PostId, cancellationToken));
        }
        this.ShowNotSaved(result);
        form.Title = result.Text.Title;
        form.Body = result.Text.Body;
        return View(ToPage(post, form, result.Refusal));
    }

    /// <summary>
    /// Every version of a post, newest first, for whoever may read the post. Once a moderator has edited
    /// (redacted) a post, its earlier versions are for moderators only: a redaction must hide what it removed.
    /// </summary>
    [HttpGet("/posts/{id:int}/history")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(User);
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.AuthorId, p.State, p.Thread!.IsHidden, ThreadAuthorId = p.Thread.AuthorId })
            .SingleOrDefaultAsync(cancellationToken);
        var isAuthor = post is not null && post.AuthorId == viewer.UserId;
        if (post is null || (!viewer.IsModerator && !isAuthor && (post.State != PostState.Visible || (post.IsHidden && post.ThreadAuthorId != viewer.UserId))))
        {
            return NotFound();
        }
        var history = await db.Posts.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PostHistory(
                p.Id, p.ThreadId, p.Thread!.Title, p.Thread.Slug, p.Author!.DisplayName, p.Html, p.EditedAt ?? p.CreatedAt,
                p.Revisions.OrderByDescending(r => r.ReplacedAt).Select(r => new PostHistoryEntry(r.Html, r.ReplacedAt, r.Editor!.DisplayName)).ToList(),
                p.Revisions.Any(r => r.EditorId != p.AuthorId)))
            .SingleAsync(cancellationToken);
        if (history.RedactedByModerator && !viewer.IsModerator)
        {
            history = history with { Revisions = [] };
        }
        return View(history);
    }

    /// <summary>Only the author edits, and only while the post is visible: a moderated post waits for the moderators.</summary>
    private bool IsEditableBy(Post post) => post.AuthorId == users.GetUserId(User) && post.State == PostState.Visible;

    private Task<Post?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Posts.Include(p => p.Thread).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    private static EditPostPage ToPage(Post post, EditPostForm form, PostingRefusal? refusal = null) =>
        new(post.Id, post.ThreadId, post.Thread!.Title, post.IsOpening, form, refusal);
}

public sealed record PostHistoryEntry(string Html, DateTime ReplacedAt, string EditorName);

public sealed record PostHistory(
    int PostId, int ThreadId, string ThreadTitle, string ThreadSlug, string AuthorName, string CurrentHtml, DateTime CurrentSince,
    IReadOnlyList<PostHistoryEntry> Revisions, bool RedactedByModerator);
