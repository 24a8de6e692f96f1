using PatientForum.Web.Data;
using PatientForum.Web.Features.Safety;
using PatientForum.Web.Features.Treatments;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

public sealed class NewThreadForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }

    /// <summary>Who may read the thread: public unless the author chooses members only (a members-only topic decides for them).</summary>
    public ThreadAudience Audience { get; set; }

    /// <summary>Post under the member's alias in the topic (where the topic allows aliases).</summary>
    public bool UnderAlias { get; set; }

    /// <summary>A staff member posts as staff, with the badge (see <see cref="Data.Post.AsStaff"/>); off unless ticked.</summary>
    public bool AsStaff { get; set; }

    /// <summary>The content warning keys the author ticked.</summary>
    public List<string> ContentWarnings { get; set; } = [];

    /// <summary>Carried by the form so that a second submit of the same form saves nothing new.</summary>
    public Guid SubmissionToken { get; set; }

    /// <summary>The author's answer to a personal-information warning: post it as it is.</summary>
    public bool PostAnyway { get; set; }

    /// <summary>The optional treatment details; left empty, the thread has no treatment record.</summary>
    public TreatmentForm Treatment { get; set; } = new();
}

public sealed class ReplyForm
{
    public string? Body { get; set; }

    /// <summary>Post under the member's alias in the thread's topic (where the topic allows aliases).</summary>
    public bool UnderAlias { get; set; }

    /// <summary>A staff member posts as staff, with the badge (see <see cref="Data.Post.AsStaff"/>); off unless ticked.</summary>
    public bool AsStaff { get; set; }
    public List<string> ContentWarnings { get; set; } = [];
    public Guid SubmissionToken { get; set; }

    /// <summary>The author's answer to a personal-information warning: post it as it is.</summary>
    public bool PostAnyway { get; set; }
}

public sealed class EditPostForm
{
    /// <summary>Only for the opening post, whose thread title can change with it.</summary>
    public string? Title { get; set; }
    public string? Body { get; set; }
    public List<string> ContentWarnings { get; set; } = [];

    /// <summary>The author's answer to a personal-information warning: save the new text as it is.</summary>
    public bool PostAnyway { get; set; }
}

/// <summary>
/// The page model of the new-thread form; <see cref="Refusal"/> says why a post from it was not taken, and
/// <see cref="TopicMembersOnly"/> that the topic makes every thread members-only (the form then shows the choice as fixed).
/// </summary>
public sealed record NewThreadPage(
    string TopicSlug, string TopicName, NewThreadForm Form, PostingRefusal? Refusal = null, DraftControls? Draft = null, bool TopicMembersOnly = false)
{
    /// <summary>The personal information found when the form was posted, which the author may remove or post anyway.</summary>
    public IReadOnlyList<SafetyWarning> Warnings { get; init; } = [];
}

/// <summary>
/// The page model of the reply form when it is shown on its own (after a reply from it was not taken). With no
/// thread title the thread is gone or hidden from the member, and the page names none.
/// </summary>
public sealed record ReplyPage(int ThreadId, string? ThreadTitle, string? ThreadSlug, ReplyForm Form, PostingRefusal? Refusal = null, DraftControls? Draft = null)
{
    /// <summary>The personal information found when the form was posted, which the author may remove or post anyway.</summary>
    public IReadOnlyList<SafetyWarning> Warnings { get; init; } = [];
}

public sealed record EditPostPage(int PostId, int ThreadId, string ThreadTitle, bool IsOpening, EditPostForm Form, PostingRefusal? Refusal = null)
{
    /// <summary>The personal information found in the new text, which the author may remove or save anyway.</summary>
    public IReadOnlyList<SafetyWarning> Warnings { get; init; } = [];

    /// <summary>The content warnings a moderator added, which the author's edit keeps.</summary>
    public IReadOnlyCollection<string> ModeratorWarnings { get; init; } = [];
}

/// <summary>
/// Limits on what a post may hold, checked after <see cref="ForumText"/> has cleaned the text. Members are told the
/// limits in characters as they count them (<see cref="ForumText.VisibleLength"/>); the limits in UTF-16 units (twice
/// those) bound what is stored and rendered, since one visible character can hide any number of code units.
/// </summary>
public static class PostRules
{
    public const int TitleMin = 5;
    public const int TitleMax = 150;
    public const int TitleMaxUnits = 2 * TitleMax;
    public const int BodyMin = 1;
    public const int BodyMax = 20_000;
    public const int BodyMaxUnits = 2 * BodyMax;

    public static string? TitleProblem(string title) => ForumText.VisibleLength(title) switch
    {
        0 => "Give your thread a title.",
        _ when TitleOverLimit(title) is { } overLimit => overLimit,
        < TitleMin => $"The title is too short: use at least {TitleMin} characters.",
        _ => null,
    };

    public static string? BodyProblem(string body) =>
        ForumText.VisibleLength(body) < BodyMin ? "Write something before posting." : BodyOverLimit(body);

    /// <summary>What makes a title more than may be stored (too long, too many marks), leaving a short one alone: for drafts.</summary>
    public static string? TitleOverLimit(string title)
    {
        var length = ForumText.VisibleLength(title);
        return length switch
        {
            > TitleMax => $"The title is too long: use at most {TitleMax} characters (it has {length}).",
            _ when TextMarks.TooMany(title) => MarksProblem("title"),
            _ when title.Length > TitleMaxUnits =>
                $"The title is too long: use at most {TitleMax} characters. Emoji and letters with accents added to them count as two or more.",
            _ => null,
        };
    }

    /// <summary>What makes a body more than may be stored or rendered, leaving an empty one alone: for drafts and the preview.</summary>
    public static string? BodyOverLimit(string body)
    {
        var length = ForumText.VisibleLength(body);
        return length switch
        {
            > BodyMax => $"The post is too long: use at most {BodyMax:N0} characters (it has {length:N0}).",
            _ when TextMarks.TooMany(body) => MarksProblem("post"),
            _ when body.Length > BodyMaxUnits =>
                $"The post is too long: use at most {BodyMax:N0} characters. Emoji and letters with accents added to them count as two or more.",
            _ => null,
        };
    }

    private static string MarksProblem(string what) =>
        $"The {what} has a letter with more than {TextMarks.MaxPerCharacter} accents or marks stacked on it: remove the extra marks.";
}

/// <summary>The model of the shared body field partial: the text to show in it.</summary>
public sealed record BodyField(string? Value);
