using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.MembersOnly;

/// <summary>The <c>Forum:MembersOnly</c> section: the watch on accounts that read members-only threads in bulk.</summary>
public sealed class MembersOnlyOptions
{
    public const string SectionName = "Forum:MembersOnly";

    /// <summary>
    /// How many members-only threads and profiles one account may open in <see cref="WindowMinutes"/> (staff are not
    /// counted). One more is refused with 429 until the window ends, and reported to the moderators, once per window:
    /// members-only stories are what scrapers register accounts to harvest.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Forum:MembersOnly:ReadsPerWindow must be between 1 and 100000.")]
    public int ReadsPerWindow { get; set; } = 60;

    /// <summary>The length of the window the reads are counted in, in minutes.</summary>
    [Range(1, 1440, ErrorMessage = "Forum:MembersOnly:WindowMinutes must be between 1 and 1440.")]
    public int WindowMinutes { get; set; } = 10;
}
