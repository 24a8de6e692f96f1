using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>An author deletes their own post, and may undo it for a while (<see cref="PostDeletionService"/>).</summary>
[Authorize]
public sealed class PostDeletionController(PostDeletionService deletions, ThreadReader reader, UserManager<ForumUser> users) : Controller
{
    [HttpPost("/posts/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await AnswerAsync(await deletions.DeleteAsync(id, users.GetUserId(User)!, cancellationToken), cancellationToken);

    [HttpPost("/posts/{id:int}/undelete")]
    public async Task<IActionResult> Undelete(int id, CancellationToken cancellationToken) =>
        await AnswerAsync(await deletions.UndoAsync(id, users.GetUserId(User)!, cancellationToken), cancellationToken);

    /// <summary>Back to the post where it stands in its thread, showing its stub or its text again.</summary>
    private async Task<IActionResult> AnswerAsync((PostDeletionOutcome Outcome, Post? Post) result, CancellationToken cancellationToken) => result switch
    {
        (PostDeletionOutcome.Done, { Thread: { } thread } post) => Redirect(await reader.PostUrlAsync(thread.Id, thread.Slug, post.Id, cancellationToken)),
        (PostDeletionOutcome.Refused, _) => Forbid(),
        _ => NotFound(),
    };
}
