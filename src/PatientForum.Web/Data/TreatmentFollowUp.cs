namespace PatientForum.Web.Data;

/// <summary>
/// "How is it now?": a later pain score on a <see cref="TreatmentRecord"/>, added by its author. It is also a reply in the
/// thread (<see cref="PostId"/>), which the thread marks as a follow-up; the charts count it only while that reply is
/// visible, as they count a record only while its opening post is.
/// </summary>
public class TreatmentFollowUp
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public int Pain { get; set; }

    /// <summary>The author's short note, as typed (the reply carries it too).</summary>
    public string? Note { get; set; }

    /// <summary>Whole calendar months from the treatment month to the month of the follow-up: the charts place it by this.</summary>
    public int MonthsSince { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A follow-up prompt that has been dealt with: one row per record and prompt (days after the treatment), kept for
/// good. The row is the claim: the unique (record, days) key lets exactly one instance insert it, in the same
/// transaction as the notification and mail it sends, so a prompt goes out once however many instances run and
/// however often they restart.
/// </summary>
public class TreatmentPrompt
{
    public int Id { get; set; }
    public int RecordId { get; set; }

    /// <summary>The prompt, as days after the treatment (an entry of Forum:Treatments:FollowUpPrompts when it was due).</summary>
    public int DaysAfter { get; set; }
    public DateTime At { get; set; }

    /// <summary>True when it was due but not sent (see <c>FollowUpPrompter</c> for when), so it is never tried again.</summary>
    public bool Skipped { get; set; }
}
