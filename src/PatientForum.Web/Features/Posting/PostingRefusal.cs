using System.Globalization;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// Why a post was not taken, for a reason other than its text: in words for the member, with the status a
/// non-browser caller reads (429, 403 or 404) and, for a limit, when they may try again (Retry-After). The
/// compose form is shown again with it, holding what the member wrote.
/// </summary>
public sealed record PostingRefusal(int Status, string Text, TimeSpan? RetryAfter = null)
{
    /// <summary>Refused under a posting limit; <paramref name="text"/> says which and when the member can post again.</summary>
    public static PostingRefusal TooSoon(string text, TimeSpan wait) => new(StatusCodes.Status429TooManyRequests, text, wait);

    public static PostingRefusal Locked { get; } = new(StatusCodes.Status403Forbidden,
        "A moderator has locked this thread, so it takes no new replies. Your reply is below if you want to keep a copy.");

    /// <summary>The thread is gone or hidden from the member: the same words for both, so the answer tells nothing about a hidden thread.</summary>
    public static PostingRefusal ThreadGone { get; } = new(StatusCodes.Status404NotFound,
        "This thread is no longer available, so your reply was not posted. It is below if you want to keep a copy.");

    public static PostingRefusal Suspended(DateTime until, string? reason)
    {
        var when = until == DateTime.MaxValue
            ? "until a moderator lifts the suspension"
            : "until " + until.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var why = string.IsNullOrEmpty(reason) ? "" : $" The moderators gave this reason: {reason}.";
        return new(StatusCodes.Status403Forbidden, $"Your account is suspended {when}, so you cannot post.{why} What you wrote is below if you want to keep a copy.");
    }

    /// <summary>A wait in words, rounded up: "30 seconds", "2 minutes", "21 hours".</summary>
    public static string Wait(TimeSpan wait) => wait.TotalSeconds switch
    {
        < 120 => Plural((int)Math.Ceiling(wait.TotalSeconds), "second"),
        < 2 * 3600 => Plural((int)Math.Ceiling(wait.TotalMinutes), "minute"),
        _ => Plural((int)Math.Ceiling(wait.TotalHours), "hour"),
    };

    public static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? noun : noun == "reply" ? "replies" : noun + "s")}");
}
