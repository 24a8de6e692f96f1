using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Safety;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

/// <summary>One finding as the composer's script gets it: where it is in the field, what it is, and the words to show.</summary>
public sealed record SafetyFinding(string Field, string Kind, int Start, int Length, string Message, string Before, string Match, string After);

/// <summary>The check's answer: the findings in reading order, title first.</summary>
public sealed record SafetyFindings(IReadOnlyList<SafetyFinding> Findings);

/// <summary>The page an author sees once, straight after publishing a post with self-harm language.</summary>
public sealed record CrisisSupportPage(string PostUrl, IReadOnlyList<string> Resources);

/// <summary>
/// The composer's side of the safety checks: the personal-information check its script calls as the member types
/// (the same <see cref="PostingSafetyCheck"/> that posting runs, so what it says is what posting will say), and the
/// crisis resources shown to an author after posting.
/// </summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class ComposerSafetyController(PostingSafetyCheck safety, ForumDbContext db) : Controller
{
    public const string RateLimitPolicy = "safety-check";

    /// <summary>
    /// The personal information in a title and body, as JSON. Text longer than a post may be is refused (422) before it
    /// is looked at. Who can read the post (the new thread's <paramref name="audience"/>, or the thread
    /// <paramref name="threadId"/> replied to) only words the messages ("Members can read this").
    /// </summary>
    [HttpPost("/posting/check")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> Check(
        [FromForm] string? title, [FromForm] string? body, [FromForm] ThreadAudience? audience, [FromForm] int? threadId, CancellationToken cancellationToken)
    {
        var (line, text) = (ForumText.Line(title), ForumText.Body(body));
        if ((PostRules.TitleOverLimit(line) ?? PostRules.BodyOverLimit(text)) is { } problem)
        {
            return new JsonResult(new DraftRefused(problem)) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var membersOnly = audience == ThreadAudience.Members
            || (threadId is { } id && await db.Threads.AsNoTracking().Where(t => t.Id == id).Where(ThreadAccess.IsMembersOnly).AnyAsync(cancellationToken));
        var findings = safety.Find(line, text, membersOnly)
            .Select(w => new SafetyFinding(w.Field, w.Kind.ToString(), w.Start, w.Length, w.Message, w.Excerpt.Before, w.Excerpt.Match, w.Excerpt.After))
            .ToList();
        return Json(new SafetyFindings(findings));
    }

    /// <summary>
    /// The crisis resources, with a gentle word and the way back to the post, for the author who has just posted it. Only
    /// once: without the notice posting left for this request it goes to the home page.
    /// </summary>
    [Authorize]
    [HttpGet("/posting/support")]
    public IActionResult Support([FromServices] IOptionsMonitor<ModerationOptions> moderation)
    {
        if (CrisisSupportNotice.Take(TempData) is not { } notice || !Url.IsLocalUrl(notice.PostUrl))
        {
            return Redirect(ForumUrls.Home);
        }
        Response.Headers.CacheControl = "no-store";
        return View(new CrisisSupportPage(notice.PostUrl, moderation.CurrentValue.EffectiveCrisisResources));
    }
}
