using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Posting;

/// <summary>The form under a thread that its author (or a moderator) uses to change who may read it.</summary>
public sealed class AudienceForm
{
    public ThreadAudience? Audience { get; set; }

    /// <summary>A moderator's reason, for the audit log.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// Who may read a thread: public, or signed-in members only. See <see cref="ThreadAudienceService"/> for who may change
/// it which way; every refusal is a page that says why.
/// </summary>
[Authorize(Policy = ForumPolicies.CanSubmitPost)]
public sealed class ThreadAudienceController(ThreadAudienceService audiences, ThreadReader reader) : Controller
{
    /// <summary>Set in TempData after a change, for the thread page to confirm it.</summary>
    public const string ChangedKey = "AudienceChanged";

    [HttpPost("/threads/{id:int}/audience")]
    public async Task<IActionResult> Change(int id, AudienceForm form, CancellationToken cancellationToken)
    {
        if (form.Audience is not { } audience || !Enum.IsDefined(audience))
        {
            return Refused(StatusCodes.Status400BadRequest, "Choose who can read the thread", "Choose public or members only, then try again.");
        }
        var outcome = await audiences.ChangeAsync(User, id, audience, form.Reason, cancellationToken);
        switch (outcome)
        {
            case AudienceOutcome.NotFound:
                return NotFound();
            case AudienceOutcome.NotAllowed:
                return Refused(StatusCodes.Status403Forbidden, "Not your thread", "Only the member who started a thread, or a moderator, can change who reads it.");
            case AudienceOutcome.TopicDecides:
                return Refused(StatusCodes.Status409Conflict, "This topic is for members only",
                    "Every thread in this topic is read by signed-in members only, so this one cannot be made public.");
            case AudienceOutcome.OthersReplied:
                return Refused(StatusCodes.Status409Conflict, "Other members have replied",
                    "Other members replied to this thread while it was for members only, so it stays that way. A moderator can help if it must change.");
            case AudienceOutcome.TooSoon:
                return Refused(StatusCodes.Status429TooManyRequests, "Slow down a little", "You have changed this a lot in the last minute. Try again in a minute.");
        }
        if (outcome == AudienceOutcome.Changed)
        {
            TempData[ChangedKey] = audience == ThreadAudience.Members
                ? "This thread is now for signed-in members only."
                : "This thread is now public: anyone can read it.";
        }
        var slug = await reader.GetSlugAsync(id, cancellationToken);
        return Redirect(slug is null ? ForumUrls.Thread(id) : ForumUrls.Thread(id, slug));
    }

    private ViewResult Refused(int status, string title, string text)
    {
        Response.StatusCode = status;
        return View("Message", new MessagePage(title, text));
    }
}
