namespace PatientForum.Web.Data;

/// <summary>
/// The charts of one treatment, for one body area (0: all areas) and one <see cref="ChartScope"/>, counted when a
/// record or its thread changes so that a treatment page reads one row however many stories there are. Histograms are
/// stored as comma-separated counts (see <c>Features/Treatments/Histogram</c>).
/// </summary>
public class TreatmentAggregate
{
    public int Id { get; set; }
    public int TreatmentId { get; set; }

    /// <summary>A <see cref="Data.BodyArea"/>, or 0 for every area together.</summary>
    public int BodyArea { get; set; }
    public ChartScope Scope { get; set; }
    public int Stories { get; set; }

    /// <summary>Counts of pain scores 0 to 10 before treatment (11 counts).</summary>
    public string PainBefore { get; set; } = "";

    /// <summary>Counts of pain scores 0 to 10 after treatment (11 counts).</summary>
    public string PainAfter { get; set; } = "";

    /// <summary>Counts per relief bucket (see <c>ReliefBuckets</c>), then the stories that gave no time.</summary>
    public string Relief { get; set; } = "";

    /// <summary>Counts per side effect, in the order of <see cref="Data.SideEffects"/>'s flags.</summary>
    public string SideEffects { get; set; } = "";

    /// <summary>
    /// Counts of follow-up pain scores 0 to 10 at each follow-up point (Forum:Treatments:FollowUpPrompts, in order),
    /// the points separated by ';'. A story counts once per point, with its latest follow-up there.
    /// </summary>
    public string FollowUpPain { get; set; } = "";
    public int AgainYes { get; set; }
    public int AgainNo { get; set; }
    public int AgainUnsure { get; set; }
    public DateTime UpdatedAt { get; set; }
}
