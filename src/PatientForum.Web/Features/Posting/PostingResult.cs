using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Safety;

namespace PatientForum.Web.Features.Posting;

/// <summary>A post's text: the thread title (for a new thread or an opening post's edit; otherwise null) and the body.</summary>
public sealed record PostText(string? Title, string Body);

/// <summary>Something wrong with one field of the form, in words for the member.</summary>
public sealed record PostProblem(string Field, string Message);

/// <summary>
/// What came of posting: the post saved, or why it was not: problems with the text, for the form's fields, or a
/// refusal of the post as a whole. <see cref="Text"/> is the text as cleaned for saving, for the form when it is
/// shown again.
/// </summary>
public sealed record PostingResult(PostText Text, SavedPost? Saved, PostingRefusal? Refusal, IReadOnlyList<PostProblem> Problems)
{
    /// <summary>The personal information found, when the author has not chosen to post anyway: the form asks them to.</summary>
    public IReadOnlyList<SafetyWarning> Warnings { get; init; } = [];

    public static PostingResult Warned(PostText text, IReadOnlyList<SafetyWarning> warnings) => new(text, null, null, []) { Warnings = warnings };

    public static PostingResult Done(PostText text, SavedPost saved) => new(text, saved, null, []);

    public static PostingResult Refused(PostText text, PostingRefusal refusal) => new(text, null, refusal, []);

    public static PostingResult Invalid(PostText text, IReadOnlyList<PostProblem> problems) => new(text, null, null, problems);
}

/// <summary>
/// Shows a post that was not saved: its form again, with the problems or the refusal, under the status that says why;
/// and keeps what the author should know of a post that was.
/// </summary>
public static class PostingAnswers
{
    /// <summary>Keeps, for the page the author is sent to next, the notice that not every member they mentioned was notified.</summary>
    public static void KeepSavedNotice(this Controller controller, SavedPost saved)
    {
        if (saved.MentionLimit is { } limit)
        {
            new MentionLimitNotice(saved.PostId, limit).Keep(controller.TempData);
        }
    }

    /// <summary>
    /// Where the author goes after posting: to <paramref name="postUrl"/>, or first, once, to the crisis resources when the
    /// post has self-harm language (<see cref="CrisisSupportNotice"/>), which link back to it.
    /// </summary>
    public static RedirectResult AfterSaved(this Controller controller, SavedPost saved, string postUrl)
    {
        if (!saved.CrisisSupport)
        {
            return controller.Redirect(postUrl);
        }
        new CrisisSupportNotice(saved.PostId, postUrl).Keep(controller.TempData);
        return controller.Redirect(ForumUrls.CrisisSupport);
    }

    /// <summary>
    /// Puts the result's problems on the form's fields and sets the status: 422 for problems with the text, or the
    /// refusal's own (429 with Retry-After, 403, 404). The caller then renders the form with the result's text.
    /// </summary>
    public static void ShowNotSaved(this Controller controller, PostingResult result)
    {
        foreach (var problem in result.Problems)
        {
            controller.ModelState.AddModelError(problem.Field, problem.Message);
        }
        var response = controller.Response;
        response.StatusCode = result.Refusal?.Status ?? StatusCodes.Status422UnprocessableEntity;
        if (result.Refusal?.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
