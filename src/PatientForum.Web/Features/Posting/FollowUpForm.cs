using System.Globalization;

namespace PatientForum.Web.Features.Posting;

/// <summary>The "How is it now?" form as posted: fields as strings, so whatever was typed can be shown again.</summary>
public sealed class FollowUpForm
{
    public const int NoteLength = 1000;

    public string? Pain { get; set; }
    public string? Note { get; set; }
    public Guid SubmissionToken { get; set; }

    /// <summary>The author's answer to a personal-information warning about the note.</summary>
    public bool PostAnyway { get; set; }

    /// <summary>The pain score, or a problem with the field.</summary>
    public (int? Pain, PostProblem? Problem) Read()
    {
        if (!int.TryParse(Pain, NumberStyles.None, CultureInfo.InvariantCulture, out var pain) || pain > 10)
        {
            return (null, new(nameof(Pain), "Give your pain now as a whole number from 0 (none) to 10 (worst)."));
        }
        if ((Note?.Length ?? 0) > NoteLength)
        {
            return (null, new(nameof(Note), $"Keep the note to {NoteLength} characters or fewer."));
        }
        return (pain, null);
    }

    /// <summary>
    /// The reply the follow-up posts: the score and when, in words, then the note. The thread marks it as a follow-up,
    /// so it needs no heading of its own.
    /// </summary>
    public static string ReplyText(int pain, int monthsSince, int painBefore, string? note)
    {
        var when = monthsSince == 0 ? "in the month of the treatment" : monthsSince == 1 ? "1 month after the treatment" : $"{monthsSince} months after the treatment";
        var line = string.Create(CultureInfo.InvariantCulture, $"**How it is now**, {when}: pain {pain} out of 10 (it was {painBefore} before).");
        return string.IsNullOrWhiteSpace(note) ? line : line + "\n\n" + note.Trim();
    }
}

/// <summary>The follow-up page: the thread, the form, and why it was not posted when it was not.</summary>
public sealed record FollowUpPage(int ThreadId, string ThreadTitle, string ThreadUrl, string TreatmentName, FollowUpForm Form, PostingRefusal? Refusal = null)
{
    public IReadOnlyList<Safety.SafetyWarning> Warnings { get; init; } = [];
}
