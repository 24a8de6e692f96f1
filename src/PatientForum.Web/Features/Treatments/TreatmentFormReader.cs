using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Treatments;

/// <summary>What a valid treatment form says, ready to be written onto a <see cref="TreatmentRecord"/>.</summary>
public sealed record TreatmentValues(
    int TreatmentId, string? OtherTreatment, BodyArea BodyArea, int Year, int Month, int PainBefore, int PainAfter, int? ReliefAmount,
    ReliefUnit? ReliefUnit, SideEffects SideEffects, string? OtherSideEffects, CostBand? CostBand, WouldRepeat WouldRepeat, bool IncludeInCharts)
{
    public void ApplyTo(TreatmentRecord record)
    {
        record.TreatmentId = TreatmentId;
        record.OtherTreatment = OtherTreatment;
        record.BodyArea = BodyArea;
        record.TreatedYear = Year;
        record.TreatedMonth = Month;
        record.PainBefore = PainBefore;
        record.PainAfter = PainAfter;
        record.ReliefAmount = ReliefAmount;
        record.ReliefUnit = ReliefUnit;
        record.SideEffects = SideEffects;
        record.OtherSideEffects = OtherSideEffects;
        record.CostBand = CostBand;
        record.WouldRepeat = WouldRepeat;
        record.IncludeInCharts = IncludeInCharts;
    }
}

/// <summary>The values of a form, or what is wrong with it, field by field (names as the form posts them: "Treatment.PainBefore").</summary>
public sealed record TreatmentReading(TreatmentValues? Values, IReadOnlyList<TreatmentProblem> Problems);

/// <summary>Something wrong with one field of a treatment form, in words for the author.</summary>
public sealed record TreatmentProblem(string Field, string Message);

/// <summary>
/// Checks a treatment form against the seeded treatments and the fixed lists, and turns it into values. Every problem
/// is found at once, so the author fixes them in one go; nothing they typed is changed.
/// </summary>
public sealed class TreatmentFormReader(ForumDbContext db, TimeProvider clock)
{
    public const string Prefix = "Treatment.";
    public const int OtherMax = 200;
    public const int SideEffectsMax = 300;
    private const int EarliestYear = 1950;

    public async Task<TreatmentReading> ReadAsync(TreatmentForm form, CancellationToken cancellationToken)
    {
        var problems = new List<TreatmentProblem>();
        void Problem(string field, string message) => problems.Add(new(Prefix + field, message));

        var treatment = string.IsNullOrWhiteSpace(form.Treatment)
            ? null
            : await db.Treatments.AsNoTracking().Where(t => t.Slug == form.Treatment && t.SortOrder >= 0).Select(t => new { t.Id, t.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (treatment is null)
        {
            Problem(nameof(form.Treatment), "Choose the treatment you had (or \"Other treatment\").");
        }
        var other = Text(form.OtherTreatment);
        if (treatment?.Slug == Data.Treatment.OtherSlug && other is null)
        {
            Problem(nameof(form.OtherTreatment), "You chose \"Other treatment\": say what it was.");
        }
        if (other is { Length: > OtherMax })
        {
            Problem(nameof(form.OtherTreatment), $"Name the treatment in at most {OtherMax} characters.");
        }
        var area = Choice<BodyArea>(form.BodyArea);
        if (area is null)
        {
            Problem(nameof(form.BodyArea), "Choose where on your body the treatment was.");
        }
        var (year, month) = (Number(form.Year), Number(form.Month));
        var now = clock.GetUtcNow().UtcDateTime;
        if (month is not (>= 1 and <= 12) || year is null || year < EarliestYear)
        {
            Problem(nameof(form.Month), $"Give the month and year of the treatment (a year from {EarliestYear}).");
        }
        else if (year * 12 + month > now.Year * 12 + now.Month)
        {
            Problem(nameof(form.Month), "The month of the treatment is in the future: give the month it took place.");
        }
        var before = Pain(form.PainBefore, nameof(form.PainBefore), "before", Problem);
        var after = Pain(form.PainAfter, nameof(form.PainAfter), "after", Problem);
        var (reliefAmount, reliefUnit) = Relief(form, Problem);
        var effects = SideEffectsOf(form.SideEffects, out var unknownEffect);
        if (unknownEffect)
        {
            Problem(nameof(form.SideEffects), "Choose side effects from the list, or describe them under \"Something else\".");
        }
        var otherEffects = Text(form.OtherSideEffects);
        if (otherEffects is { Length: > SideEffectsMax })
        {
            Problem(nameof(form.OtherSideEffects), $"Describe other side effects in at most {SideEffectsMax} characters.");
        }
        if (otherEffects is not null)
        {
            effects |= SideEffects.Other;
        }
        var cost = string.IsNullOrWhiteSpace(form.CostBand) ? null : Choice<CostBand>(form.CostBand);
        if (!string.IsNullOrWhiteSpace(form.CostBand) && cost is null)
        {
            Problem(nameof(form.CostBand), "Choose a cost band from the list, or leave it out.");
        }
        var again = Choice<WouldRepeat>(form.WouldRepeat);
        if (again is null)
        {
            Problem(nameof(form.WouldRepeat), "Say whether you would have this treatment again: yes, no or not sure.");
        }
        if (problems.Count > 0)
        {
            return new(null, problems);
        }
        return new(new TreatmentValues(
            treatment!.Id, treatment.Slug == Data.Treatment.OtherSlug ? other : null, area!.Value, year!.Value, month!.Value, before!.Value, after!.Value,
            reliefAmount, reliefUnit, effects, otherEffects, cost, again!.Value, !form.KeepOutOfCharts), []);
    }

    private static int? Pain(string? text, string field, string when, Action<string, string> problem)
    {
        var value = Number(text);
        if (value is >= 0 and <= 10)
        {
            return value;
        }
        problem(field, string.IsNullOrWhiteSpace(text)
            ? $"Give your pain {when} the treatment as a whole number from 0 (none) to 10 (the worst imaginable)."
            : $"Pain {when} must be a whole number from 0 to 10.");
        return null;
    }

    private static (int?, ReliefUnit?) Relief(TreatmentForm form, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(form.ReliefAmount))
        {
            return (null, null);
        }
        var amount = Number(form.ReliefAmount);
        var unit = Choice<ReliefUnit>(form.ReliefUnit);
        if (amount is not (>= 0 and <= 520) || unit is null)
        {
            problem(nameof(form.ReliefAmount), "Give the time to relief as a whole number of days or weeks (up to 520), or leave it empty.");
            return (null, null);
        }
        return (amount, unit);
    }

    private static SideEffects SideEffectsOf(List<string> chosen, out bool unknown)
    {
        unknown = false;
        var effects = SideEffects.None;
        foreach (var name in chosen.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (Enum.TryParse<SideEffects>(name, ignoreCase: false, out var effect) && TreatmentLabels.SideEffectList.Any(s => s.Value == effect))
            {
                effects |= effect;
            }
            else
            {
                unknown = true;
            }
        }
        return effects;
    }

    private static string? Text(string? text) => ForumText.Line(text) is { Length: > 0 } line ? line : null;

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static T? Choice<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? value : null;
}
