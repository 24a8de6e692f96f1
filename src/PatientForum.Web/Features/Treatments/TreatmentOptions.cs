using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Treatments;

/// <summary>Forum:Treatments: how treatment pages protect the people behind the numbers.</summary>
public sealed class TreatmentOptions
{
    public const string SectionName = "Forum:Treatments";

    /// <summary>A figure counted from fewer stories than this is not shown, so nobody can be singled out by it.</summary>
    [Range(1, 1000)]
    public int MinimumStories { get; set; } = 5;
}
