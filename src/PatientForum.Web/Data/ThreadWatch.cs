namespace PatientForum.Web.Data;

/// <summary>
/// How closely a member follows one thread. No row means the default: they hear of it only when mentioned or quoted.
/// </summary>
public class ThreadWatch
{
    public required string UserId { get; set; }
    public int ThreadId { get; set; }
    public WatchLevel Level { get; set; }
    public DateTime ChangedAt { get; set; }
}

public enum WatchLevel
{
    /// <summary>Not watching (stored only when the member chose it, so that starting or replying does not watch again).</summary>
    Normal = 0,

    /// <summary>Every reply makes a notification.</summary>
    Watching = 1,

    /// <summary>Nothing from this thread, not even replies that a topic watch would announce.</summary>
    Muted = 2,
}
