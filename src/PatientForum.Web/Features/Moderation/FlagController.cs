using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Moderation;

public sealed class FlagForm
{
    [Required(ErrorMessage = "Choose a reason.")]
    public FlagReason? Reason { get; set; }

    [StringLength(500, ErrorMessage = "Keep the note to 500 characters.")]
    public string? Note { get; set; }
}

public sealed record FlagPage(int PostId, int ThreadId, string ThreadTitle, string AuthorName, string PostHtml, FlagForm Form);

public sealed record FlaggedPage(int ThreadId, bool SelfHarm, IReadOnlyList<string> CrisisResources);

/// <summary>Members flag posts that need a moderator. Suspended members cannot.</summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class FlagController(ForumDbContext db, FlagService flags, UserManager<ForumUser> users, IOptionsMonitor<ModerationOptions> options) : Controller
{
    [HttpGet("/posts/{id:int}/flag")]
    public async Task<IActionResult> Flag(int id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, new FlagForm(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/posts/{id:int}/flag")]
    public async Task<IActionResult> Flag(int id, FlagForm form, CancellationToken cancellationToken)
    {
        form.Note = ForumText.Body(form.Note);
        if (!ModelState.IsValid)
        {
            var page = await PageAsync(id, form, cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page is null ? NotFound() : View(page);
        }

        var outcome = await flags.FlagAsync(id, users.GetUserId(User)!, form.Reason!.Value, form.Note.Length == 0 ? null : form.Note, cancellationToken);
        var threadId = await db.Posts.Where(p => p.Id == id).Select(p => p.ThreadId).SingleOrDefaultAsync(cancellationToken);
        return outcome switch
        {
            FlagOutcome.Flagged or FlagOutcome.AlreadyFlagged => View("Flagged", new FlaggedPage(
                threadId, form.Reason == FlagReason.SelfHarm, form.Reason == FlagReason.SelfHarm ? options.CurrentValue.EffectiveCrisisResources : [])),
            FlagOutcome.OwnPost => Refused(StatusCodes.Status403Forbidden, "You cannot flag your own post", "If you want to change it, edit it instead."),
            FlagOutcome.DailyLimitReached => Refused(StatusCodes.Status429TooManyRequests, "You have flagged a lot today",
                "Thank you for helping. You have reached today's limit of flags; the moderators are looking at what you sent."),
            _ => NotFound(),
        };
    }

    private ViewResult Refused(int status, string title, string text)
    {
        Response.StatusCode = status;
        return View("Message", new MessagePage(title, text));
    }

    private async Task<FlagPage?> PageAsync(int postId, FlagForm form, CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId && p.State == PostState.Visible && !p.Thread!.IsHidden)
            .Select(p => new FlagPage(p.Id, p.ThreadId, p.Thread!.Title, p.Author!.DisplayName, p.Html, form))
            .SingleOrDefaultAsync(cancellationToken);
}
