using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Reactions;

/// <summary>What the buttons' script is answered: the post's counts by kind, and the kinds the presser gave.</summary>
public sealed record ReactionState(int PostId, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Mine);

/// <summary>
/// A reaction button: a plain form POST that toggles the reaction and comes back to the post, or, asked for JSON by
/// reactions.js, the post's new counts. Members who may post (confirmed, not suspended) may react.
/// </summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class ReactionsController(ReactionService reactions, ThreadReader reader) : Controller
{
    [HttpPost("/posts/{id:int}/reactions/{kind}")]
    public async Task<IActionResult> Toggle(int id, string kind, CancellationToken cancellationToken)
    {
        if (ReactionKinds.FromSlug(kind) is not { } reactionKind)
        {
            return NotFound();
        }
        var result = await reactions.ToggleAsync(User, id, reactionKind, cancellationToken);
        switch (result.Outcome)
        {
            case ReactionOutcome.NotFound:
                return NotFound();
            case ReactionOutcome.OwnPost:
                return Refused(StatusCodes.Status403Forbidden, "You cannot react to your own post",
                    "Reactions are how other members tell you that your post reached them.");
            case ReactionOutcome.TooSoon:
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(result.Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Refused(StatusCodes.Status429TooManyRequests, "Slow down a little",
                    string.Create(CultureInfo.InvariantCulture, $"You have reacted a lot in the last minute. You can react again in {Math.Max(1, (int)Math.Ceiling(result.Wait.TotalSeconds))} seconds."));
        }

        var reactionsNow = result.Reactions ?? PostReactionsView.None;
        if (WantsJson())
        {
            return Json(new ReactionState(id, reactionsNow.BySlug(), reactionsNow.Mine.Select(ReactionKinds.Slug).ToList()));
        }
        var slug = await reader.GetSlugAsync(result.ThreadId, cancellationToken);
        return slug is null ? NotFound() : Redirect(await reader.PostUrlAsync(result.ThreadId, slug, id, cancellationToken));
    }

    private bool WantsJson() =>
        Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private IActionResult Refused(int status, string title, string text)
    {
        Response.StatusCode = status;
        return WantsJson() ? Json(new { title, text }) : View("Message", new MessagePage(title, text));
    }
}
