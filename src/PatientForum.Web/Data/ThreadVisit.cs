namespace PatientForum.Web.Data;

/// <summary>
/// How far a member has read a thread: the newest post they have been shown. Thread lists compare it with the thread's
/// last post to mark threads with replies they have not seen, and link to the first of them.
/// </summary>
public class ThreadVisit
{
    public required string UserId { get; set; }
    public int ThreadId { get; set; }
    public int LastReadPostId { get; set; }
    public DateTime VisitedAt { get; set; }
}
