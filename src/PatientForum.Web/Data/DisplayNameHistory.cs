namespace PatientForum.Web.Data;

/// <summary>
/// A display name a member gave up, and until when nobody else may take it (or a look-alike of it), so that a new
/// owner of a well-known name cannot pass for the member readers knew by it. The member who had it may take it back.
/// The rows also count a member's recent changes for Forum:Settings:NameChanges.
/// </summary>
public class DisplayNameHistory
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string OldName { get; set; }

    /// <summary>The old name's skeleton (<c>DisplayNames.Normalize</c>), as names are compared.</summary>
    public required string OldNormalized { get; set; }

    public required string NewName { get; set; }
    public DateTime ChangedAt { get; set; }

    /// <summary>Fixed when the name is given up, from Forum:Settings:ReservedNameDays at that time.</summary>
    public DateTime ReservedUntil { get; set; }
}
