using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.ContentWarnings;

namespace PatientForum.Web.Features.Moderation;

/// <summary>Moderators add or remove a post's content warnings, and put, change or take away its moderator note.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
public sealed class PostWarningsController(ForumDbContext db, ContentWarningModeration warnings, ModeratorNotes notes, UserManager<ForumUser> users) : Controller
{
    [HttpGet("/moderation/posts/{id:int}/warnings")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await PageAsync(id, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("/moderation/posts/{id:int}/warnings")]
    public async Task<IActionResult> Set(int id, ContentWarningsForm form, CancellationToken cancellationToken) =>
        await warnings.SetAsync(id, users.GetUserId(User)!, form.ContentWarnings, cancellationToken)
            ? Redirect(ContentWarningUrls.ModeratePost(id))
            : NotFound();

    /// <summary>Puts or changes the note; a refused note or link shows the form again (422) with what was sent, and saves nothing.</summary>
    [HttpPost("/moderation/posts/{id:int}/note")]
    public async Task<IActionResult> SetNote(int id, ModeratorNoteForm form, CancellationToken cancellationToken)
    {
        var outcome = await notes.SetAsync(id, users.GetUserId(User)!, form.Note, form.Link, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        if (outcome.Problem is { } problem)
        {
            ModelState.AddModelError(outcome.Field!, problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await PageAsync(id, form, cancellationToken));
        }
        return Redirect(ContentWarningUrls.ModeratePost(id));
    }

    [HttpPost("/moderation/posts/{id:int}/note/remove")]
    public async Task<IActionResult> RemoveNote(int id, ModeratorNoteForm form, CancellationToken cancellationToken) =>
        (await notes.RemoveAsync(id, users.GetUserId(User)!, form.Reason, cancellationToken)).Found
            ? Redirect(ContentWarningUrls.ModeratePost(id))
            : NotFound();

    private async Task<PostWarningsPage?> PageAsync(int id, ModeratorNoteForm? sent, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Thread!.Title, p.Author!.DisplayName, p.ContentWarnings, p.ModeratorNote, p.ModeratorNoteUrl })
            .SingleOrDefaultAsync(cancellationToken);
        return post is null
            ? null
            : new PostWarningsPage(post.Id, post.Title, post.DisplayName, ContentWarningCatalog.Keys(post.ContentWarnings),
                sent ?? new ModeratorNoteForm { Note = post.ModeratorNote, Link = post.ModeratorNoteUrl }, post.ModeratorNote is not null);
    }
}
