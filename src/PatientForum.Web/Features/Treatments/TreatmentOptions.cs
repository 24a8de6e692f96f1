using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Treatments;

/// <summary>Forum:Treatments: how treatment pages protect the people behind the numbers, and when authors are asked for a follow-up.</summary>
public sealed class TreatmentOptions : IValidatableObject
{
    public const string SectionName = "Forum:Treatments";

    /// <summary>The prompts when none are configured: 6 weeks, 3 months and 12 months.</summary>
    public static readonly IReadOnlyList<int> DefaultPrompts = [42, 91, 365];

    /// <summary>A figure counted from fewer stories than this is not shown, so nobody can be singled out by it.</summary>
    [Range(1, 1000)]
    public int MinimumStories { get; set; } = 5;

    /// <summary>
    /// Days after the treatment month at which its author is asked "How is it now?", in rising order (e.g. [42, 91, 365]);
    /// each is also a point of the change-over-time chart. Null (not configured) means <see cref="DefaultPrompts"/>: a
    /// default value here would not do, as binding adds a configured list to a default one.
    /// </summary>
    public int[]? FollowUpPrompts { get; set; }

    /// <summary>The prompts in force.</summary>
    public IReadOnlyList<int> PromptDays => FollowUpPrompts ?? DefaultPrompts;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var days = PromptDays;
        if (days.Count > 6 || days.Any(d => d is < 1 or > 3650) || days.Zip(days.Skip(1)).Any(p => p.First >= p.Second))
        {
            yield return new ValidationResult(
                "Forum:Treatments:FollowUpPrompts must be at most 6 whole numbers of days from 1 to 3650, in rising order.", [nameof(FollowUpPrompts)]);
        }
    }
}
