namespace PatientForum.Web.Data;

/// <summary>A record that a summary of new flags went to the moderators, so the next one waits its interval.</summary>
public class ModeratorDigest
{
    public int Id { get; set; }
    public DateTime SentAt { get; set; }
    public int FlagCount { get; set; }
}
