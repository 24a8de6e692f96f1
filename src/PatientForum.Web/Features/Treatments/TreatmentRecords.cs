using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Treatments;

/// <summary>A thread's record as its summary shows it; <paramref name="CanEdit"/>: the viewer wrote the thread.</summary>
public sealed record TreatmentSummary(
    int ThreadId, string TreatmentName, string TreatmentSlug, string? OtherTreatment, string BodyArea, string When, int PainBefore, int PainAfter,
    string? Relief, IReadOnlyList<string> SideEffects, string? OtherSideEffects, string? Cost, string WouldRepeat, bool IncludeInCharts,
    bool CanEdit, DateTime? EditedAt)
{
    /// <summary>The author asked for no more follow-up prompts about this story.</summary>
    public bool PromptsOff { get; init; }
}

/// <summary>Reads a thread's record for its page, and lets its author change it, keeping each earlier version.</summary>
public sealed class TreatmentRecords(ForumDbContext db, TreatmentAggregator aggregates, PageCache pages, TimeProvider clock)
{
    public Task<TreatmentRecord?> FindAsync(int threadId, CancellationToken cancellationToken) =>
        db.TreatmentRecords.Include(r => r.Treatment).SingleOrDefaultAsync(r => r.ThreadId == threadId, cancellationToken);

    /// <summary>The record of a thread the caller has already let the viewer read, or null when it has none.</summary>
    public async Task<TreatmentSummary?> SummaryAsync(int threadId, string? viewerId, CancellationToken cancellationToken)
    {
        var record = await db.TreatmentRecords.AsNoTracking().Include(r => r.Treatment).Include(r => r.Thread)
            .SingleOrDefaultAsync(r => r.ThreadId == threadId, cancellationToken);
        if (record is null)
        {
            return null;
        }
        var canEdit = viewerId is not null && await db.WritesAsAsync(viewerId, record.Thread!.AuthorId, cancellationToken);
        return Summarize(record, canEdit);
    }

    public static TreatmentSummary Summarize(TreatmentRecord record, bool canEdit) => new(
        record.ThreadId, record.Treatment!.Name, record.Treatment.Slug, record.OtherTreatment, TreatmentLabels.Of(record.BodyArea),
        new DateTime(record.TreatedYear, record.TreatedMonth, 1, 0, 0, 0, DateTimeKind.Utc).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        record.PainBefore, record.PainAfter, Relief(record), [.. TreatmentLabels.Of(record.SideEffects & ~SideEffects.Other)], record.OtherSideEffects,
        record.CostBand is { } cost ? TreatmentLabels.Of(cost) : null, TreatmentLabels.Of(record.WouldRepeat), record.IncludeInCharts, canEdit, record.EditedAt)
    {
        PromptsOff = record.FollowUpPromptsOff,
    };

    /// <summary>The record's values as its edit form shows them.</summary>
    public static TreatmentForm FormOf(TreatmentRecord record) => new()
    {
        Treatment = record.Treatment!.Slug,
        OtherTreatment = record.OtherTreatment,
        BodyArea = record.BodyArea.ToString(),
        Month = record.TreatedMonth.ToString(CultureInfo.InvariantCulture),
        Year = record.TreatedYear.ToString(CultureInfo.InvariantCulture),
        PainBefore = record.PainBefore.ToString(CultureInfo.InvariantCulture),
        PainAfter = record.PainAfter.ToString(CultureInfo.InvariantCulture),
        ReliefAmount = record.ReliefAmount?.ToString(CultureInfo.InvariantCulture),
        ReliefUnit = record.ReliefUnit?.ToString(),
        SideEffects = [.. TreatmentLabels.SideEffectList.Where(s => s.Value != SideEffects.Other && record.SideEffects.HasFlag(s.Value)).Select(s => s.Value.ToString())],
        OtherSideEffects = record.OtherSideEffects,
        CostBand = record.CostBand?.ToString(),
        WouldRepeat = record.WouldRepeat.ToString(),
        KeepOutOfCharts = !record.IncludeInCharts,
    };

    /// <summary>
    /// Writes <paramref name="values"/> onto the thread's record (adding one if it has none), the old version kept as a
    /// revision, then counts the charts again and evicts the thread's pages.
    /// </summary>
    public async Task SaveAsync(int threadId, TreatmentRecord? record, TreatmentValues values, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (record is null)
        {
            record = new TreatmentRecord { ThreadId = threadId, CreatedAt = now };
            db.TreatmentRecords.Add(record);
        }
        else
        {
            record.Revisions.Add(new TreatmentRecordRevision { Snapshot = Snapshot(record), ReplacedAt = now });
            record.EditedAt = now;
        }
        values.ApplyTo(record);
        await db.SaveChangesAsync(cancellationToken);
        // A record moved to another treatment is taken out of the one it was counted in by the same call.
        await aggregates.ThreadChangedAsync(threadId, cancellationToken);
        await pages.ThreadChangedAsync(threadId, cancellationToken);
    }

    private static string? Relief(TreatmentRecord record) => record.ReliefAmount is { } amount && record.ReliefUnit is { } unit
        ? string.Create(CultureInfo.InvariantCulture, $"{amount} {(unit == ReliefUnit.Weeks ? "week" : "day")}{(amount == 1 ? "" : "s")}")
        : null;

    /// <summary>The record as it stands, for a revision.</summary>
    public static string Snapshot(TreatmentRecord record) => JsonSerializer.Serialize(new
    {
        record.TreatmentId, record.OtherTreatment, record.BodyArea, record.TreatedYear, record.TreatedMonth, record.PainBefore, record.PainAfter,
        record.ReliefAmount, record.ReliefUnit, record.SideEffects, record.OtherSideEffects, record.CostBand, record.WouldRepeat, record.IncludeInCharts,
    });
}
