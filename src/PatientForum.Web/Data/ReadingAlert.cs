namespace PatientForum.Web.Data;

/// <summary>
/// A report to the moderators that an account opened members-only threads or profiles faster than a person reads
/// (Forum:MembersOnly:ReadsPerWindow in Forum:MembersOnly:WindowMinutes): at most one per account and window, kept
/// unique by the database so that several instances report it once. The moderators' queue lists it and their
/// summary mail counts it.
/// </summary>
public class ReadingAlert
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public ForumUser? User { get; set; }

    /// <summary>Where the window the reads were counted in began.</summary>
    public DateTime WindowStart { get; set; }

    /// <summary>How many reads the account had made in the window when it was reported.</summary>
    public int Reads { get; set; }

    public DateTime CreatedAt { get; set; }
}
