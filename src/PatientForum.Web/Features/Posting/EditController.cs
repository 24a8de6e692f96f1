using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

/// <summary>Authors edit their own posts; every earlier version is kept and can be read.</summary>
public sealed class EditController(ForumDbContext db, PostingService posting, ThreadReader reader, UserManager<ForumUser> users, NewMemberLimits newMembers) : Controller
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

    [Authorize(Policy = ForumPolicies.CanPost)]
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

        form.Body = ForumText.Body(form.Body);
        if ((PostRules.BodyProblem(form.Body) ?? await newMembers.LinksProblemAsync(User, form.Body, cancellationToken)) is { } bodyProblem)
        {
            ModelState.AddModelError(nameof(form.Body), bodyProblem);
        }
        form.Title = post.IsOpening ? ForumText.Line(form.Title) : null;
        if (form.Title is not null && PostRules.TitleProblem(form.Title) is { } titleProblem)
        {
            ModelState.AddModelError(nameof(form.Title), titleProblem);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(ToPage(post, form));
        }

        await posting.EditAsync(post, users.GetUserId(User)!, form.Body, form.Title, cancellationToken);
        var page = await reader.PageOfPostAsync(post.ThreadId, post.Id, cancellationToken);
        return Redirect(Url.Action(nameof(ThreadsController.Show), "Threads",
            new { id = post.ThreadId, slug = post.Thread!.Slug, page = page == 1 ? (int?)null : page }, null, null, $"post-{post.Id}")!);
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

    private static EditPostPage ToPage(Post post, EditPostForm form) =>
        new(post.Id, post.ThreadId, post.Thread!.Title, post.IsOpening, form);
}

public sealed record PostHistoryEntry(string Html, DateTime ReplacedAt, string EditorName);

public sealed record PostHistory(
    int PostId, int ThreadId, string ThreadTitle, string ThreadSlug, string AuthorName, string CurrentHtml, DateTime CurrentSince,
    IReadOnlyList<PostHistoryEntry> Revisions, bool RedactedByModerator);
