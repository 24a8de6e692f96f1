namespace PatientForum.Web.Data;

/// <summary>
/// A copy of everything a member has given the forum, asked for by the member (or by an admin on their behalf), made
/// into a ZIP file by a background worker and kept for <c>Forum:Export:KeepHours</c>. The id is random, so a link
/// to it cannot be guessed; the download checks who asks all the same.
/// </summary>
public class MemberExport
{
    public Guid Id { get; set; }

    /// <summary>The member whose data it holds.</summary>
    public required string UserId { get; set; }

    /// <summary>The admin who asked for it; null when the member did. Only admins may download an admin's export.</summary>
    public string? RequestedById { get; set; }

    public DateTime RequestedAt { get; set; }
    public MemberExportState State { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The ZIP's file name in the export folder while it is ready.</summary>
    public string? FileName { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>Set while a worker makes the file; another may take the job over once it has passed (a crash mid-way).</summary>
    public DateTime? ClaimedUntil { get; set; }
}

public enum MemberExportState
{
    Queued = 0,
    Ready = 1,

    /// <summary>Past its expiry: the file is deleted.</summary>
    Expired = 2,

    /// <summary>Making the file failed; the member may ask again.</summary>
    Failed = 3,
}
