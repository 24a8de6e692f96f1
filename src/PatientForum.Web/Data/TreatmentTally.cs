namespace PatientForum.Web.Data;

/// <summary>
/// What one <see cref="TreatmentRecord"/> adds to its treatment's <see cref="TreatmentAggregate"/> rows as they stand:
/// when the record or its thread changes, this is taken out of the rows and the record as it now is added in, so a
/// change costs the same whatever the treatment's size. Kept for every record the charts have seen, counted or not,
/// and kept after the record is gone until its thread's change has taken it out.
/// </summary>
public class TreatmentTally
{
    /// <summary>The record's id (no foreign key: the tally outlives a record deleted with its thread).</summary>
    public int RecordId { get; set; }
    public int ThreadId { get; set; }
    public int TreatmentId { get; set; }

    /// <summary>The record as the charts count it, as JSON (<c>Features/Treatments/CountedRecord</c>); null when they do not count it.</summary>
    public string? Counted { get; set; }
}
