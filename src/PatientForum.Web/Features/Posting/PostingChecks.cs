using System.Security.Claims;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Safety;

namespace PatientForum.Web.Features.Posting;

/// <summary>What a post is: the checks differ for each.</summary>
public enum PostKind
{
    Thread,
    Reply,
    Edit,
}

/// <summary>The member who posts, as the checks and the saved post need them.</summary>
public sealed record Poster(string Id, string DisplayName, DateTime? SuspendedUntil, string? SuspensionReason);

/// <summary>
/// The checks <see cref="PostingService"/> makes before it saves a post, in the order a member is told about them:
/// first whether they may post here at all now (suspension, a locked thread, the first-day limits), then what is
/// wrong with the text, and last the posting rate, whose permit is used only by a post that is then saved.
/// </summary>
public sealed class PostingChecks(NewMemberLimits newMembers, PostingRateLimits rateLimits, TimeProvider clock)
{
    /// <summary>Why the post may not be saved, or null when it may.</summary>
    public Task<PostingResult?> CheckAsync(
        ClaimsPrincipal member, Poster poster, PostKind kind, ForumThread? thread, PostText text, CancellationToken cancellationToken) =>
        CheckAsync(member, poster, kind, thread, text, SafetyReview.None, cancellationToken);

    /// <summary>
    /// The same, with the safety review's warnings after the text's problems (and shown with them): personal
    /// information stops a post its author has not chosen to post anyway, before the posting rate's permit is taken.
    /// </summary>
    public async Task<PostingResult?> CheckAsync(
        ClaimsPrincipal member, Poster poster, PostKind kind, ForumThread? thread, PostText text, SafetyReview safety, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(member, poster, kind, thread, cancellationToken) is { } refusal)
        {
            return PostingResult.Refused(text, refusal);
        }
        if (await ProblemsAsync(member, text, cancellationToken) is { Count: > 0 } problems)
        {
            return PostingResult.Invalid(text, problems) with { Warnings = safety.NeedsConsent ? safety.Warnings : [] };
        }
        if (safety.NeedsConsent)
        {
            return PostingResult.Warned(text, safety.Warnings);
        }
        var tooSoon = kind switch
        {
            PostKind.Reply => await rateLimits.TakeReplyAsync(member, cancellationToken),
            PostKind.Thread => await rateLimits.TakeThreadAsync(member, cancellationToken),
            _ => null,
        };
        return tooSoon is null ? null : PostingResult.Refused(text, tooSoon);
    }

    private async Task<PostingRefusal?> RefusalAsync(ClaimsPrincipal member, Poster poster, PostKind kind, ForumThread? thread, CancellationToken cancellationToken)
    {
        if (poster.SuspendedUntil is { } until && until > clock.GetUtcNow().UtcDateTime)
        {
            return PostingRefusal.Suspended(until, poster.SuspensionReason);
        }
        if (kind == PostKind.Reply && thread is { IsLocked: true })
        {
            return PostingRefusal.Locked;
        }
        return kind switch
        {
            PostKind.Reply => await newMembers.RefuseReplyAsync(member, cancellationToken),
            PostKind.Thread => await newMembers.RefuseThreadAsync(member, cancellationToken),
            _ => null,
        };
    }

    private async Task<IReadOnlyList<PostProblem>> ProblemsAsync(ClaimsPrincipal member, PostText text, CancellationToken cancellationToken)
    {
        var problems = new List<PostProblem>();
        if (text.Title is not null && PostRules.TitleProblem(text.Title) is { } titleProblem)
        {
            problems.Add(new(nameof(PostText.Title), titleProblem));
        }
        if ((PostRules.BodyProblem(text.Body) ?? await newMembers.LinksProblemAsync(member, text.Body, cancellationToken)) is { } bodyProblem)
        {
            problems.Add(new(nameof(PostText.Body), bodyProblem));
        }
        return problems;
    }
}
