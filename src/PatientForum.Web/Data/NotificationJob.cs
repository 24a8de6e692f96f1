namespace PatientForum.Web.Data;

/// <summary>
/// A saved post whose notifications are still to be made. It is saved with the post, in the same transaction, and the
/// notification worker works through the jobs off the request path: a crash between the two loses nothing, and the
/// unique (recipient, post, kind) index makes a job that runs twice notify each member once.
/// </summary>
public class NotificationJob
{
    public long Id { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set while an instance's worker handles the job; another may take it over after this time.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
