namespace PatientForum.Web.Data;

/// <summary>
/// The structured part of a treatment story: one per thread, written by the thread's author. The numbers feed the
/// treatment's charts (<see cref="TreatmentAggregate"/>) unless the author keeps them out; the day of treatment is never
/// asked, so a record cannot be matched to a clinic's diary.
/// </summary>
public class TreatmentRecord
{
    public int Id { get; set; }
    public int ThreadId { get; set; }
    public ForumThread? Thread { get; set; }
    public int TreatmentId { get; set; }
    public Treatment? Treatment { get; set; }

    /// <summary>What the treatment was, in the author's words, when they chose "other".</summary>
    public string? OtherTreatment { get; set; }
    public BodyArea BodyArea { get; set; }
    public int TreatedYear { get; set; }
    public int TreatedMonth { get; set; }
    public int PainBefore { get; set; }
    public int PainAfter { get; set; }

    /// <summary>How long until it helped, in <see cref="ReliefUnit"/>; null when the author did not say or had no relief.</summary>
    public int? ReliefAmount { get; set; }
    public ReliefUnit? ReliefUnit { get; set; }
    public SideEffects SideEffects { get; set; }
    public string? OtherSideEffects { get; set; }
    public CostBand? CostBand { get; set; }
    public WouldRepeat WouldRepeat { get; set; }

    /// <summary>False when the author shows the record in the thread but keeps it out of every chart.</summary>
    public bool IncludeInCharts { get; set; } = true;

    /// <summary>True when the author asked for no more "How is it now?" prompts about this story.</summary>
    public bool FollowUpPromptsOff { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public List<TreatmentRecordRevision> Revisions { get; } = [];
    public List<TreatmentFollowUp> FollowUps { get; } = [];
}

/// <summary>A record as it was before an edit, kept as JSON so the history survives later changes to the form.</summary>
public class TreatmentRecordRevision
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public required string Snapshot { get; set; }
    public DateTime ReplacedAt { get; set; }
}
