using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.DataExport;

/// <summary>The <c>Forum:Export</c> section: members' exports of their own data.</summary>
public sealed class DataExportOptions
{
    public const string SectionName = "Forum:Export";

    /// <summary>
    /// Where the ZIP files are kept until they expire; relative to Forum:DataDirectory. With several instances, a
    /// folder they all share.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Forum:Export:Folder must name a folder.")]
    public string Folder { get; set; } = "exports";

    /// <summary>
    /// How long a finished export may be downloaded. The file holds a member's health stories, so it is not kept longer
    /// than it takes to fetch it; the worker deletes it then.
    /// </summary>
    [Range(1, 720, ErrorMessage = "Forum:Export:KeepHours must be between 1 and 720.")]
    public int KeepHours { get; set; } = 48;

    /// <summary>Exports one member may ask for in 24 hours (off with Forum:RateLimits:Enabled=false): each reads all they wrote.</summary>
    [Range(1, 100, ErrorMessage = "Forum:Export:PerDay must be between 1 and 100.")]
    public int PerDay { get; set; } = 2;
}
