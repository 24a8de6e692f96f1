using Microsoft.AspNetCore.Identity;

namespace PatientForum.Web.Data;

/// <summary>A forum member. The display name is public; the email address never is.</summary>
public class ForumUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Upper-cased display name, unique, so "Anna" and "anna" cannot both exist.</summary>
    public required string NormalizedDisplayName { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Until when the member may read but not post or flag; <see cref="DateTime.MaxValue"/> means indefinitely.</summary>
    public DateTime? SuspendedUntil { get; set; }

    public string? SuspensionReason { get; set; }

    /// <summary>True for accounts that the forum itself owns, such as the guide's author. They cannot sign in.</summary>
    public bool IsSystem { get; set; }

    /// <summary>Whether starting or replying to a thread watches it (on unless the member turns it off).</summary>
    public bool AutoWatch { get; set; } = true;
}
