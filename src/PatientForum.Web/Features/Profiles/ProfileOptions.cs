using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Profiles;

/// <summary>The <c>Forum:Profiles</c> section.</summary>
public sealed class ProfileOptions
{
    public const string SectionName = "Forum:Profiles";

    /// <summary>
    /// How often one member may save their profile in an hour (off with Forum:RateLimits:Enabled=false): enough to
    /// correct a typo many times over, too few to use the page as a message board.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Forum:Profiles:EditsPerHour must be between 1 and 1000.")]
    public int EditsPerHour { get; set; } = 20;
}
