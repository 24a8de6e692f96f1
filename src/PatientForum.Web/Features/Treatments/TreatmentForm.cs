namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// The "treatment details" fields of the composer and of the record's edit form. Numbers arrive as text so that what
/// the author typed is shown back to them as it was when it is refused (<see cref="TreatmentFormReader"/>).
/// </summary>
public sealed class TreatmentForm
{
    /// <summary>The treatment's slug; empty with every other field empty means no record.</summary>
    public string? Treatment { get; set; }
    public string? OtherTreatment { get; set; }
    public string? BodyArea { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? PainBefore { get; set; }
    public string? PainAfter { get; set; }
    public string? ReliefAmount { get; set; }
    public string? ReliefUnit { get; set; }
    public List<string> SideEffects { get; set; } = [];
    public string? OtherSideEffects { get; set; }
    public string? CostBand { get; set; }
    public string? WouldRepeat { get; set; }

    /// <summary>Show the record in the thread but count it in no chart.</summary>
    public bool KeepOutOfCharts { get; set; }

    /// <summary>Whether the author filled in anything at all (the section is optional: an untouched one adds no record).</summary>
    public bool IsEmpty =>
        new[] { Treatment, OtherTreatment, BodyArea, Month, Year, PainBefore, PainAfter, ReliefAmount, OtherSideEffects, CostBand, WouldRepeat }
            .All(string.IsNullOrWhiteSpace)
        && SideEffects.Count == 0 && !KeepOutOfCharts;
}
