namespace PatientForum.Web.Data;

/// <summary>A member's report that a post needs a moderator's attention.</summary>
public class Flag
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public required string FlaggerId { get; set; }
    public ForumUser? Flagger { get; set; }
    public FlagReason Reason { get; set; }

    /// <summary>Optional words from the flagger, up to 500 characters.</summary>
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool IsOpen { get; set; } = true;
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
}

public enum FlagReason
{
    Spam = 0,
    Harassment = 1,
    MedicalMisinformation = 2,
    PersonalInformation = 3,
    SelfHarm = 4,
    OffTopic = 5,
    Other = 6,
}
