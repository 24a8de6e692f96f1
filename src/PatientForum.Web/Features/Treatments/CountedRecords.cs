using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>A record as the charts see it now: <paramref name="Record"/> is null when they do not count it.</summary>
public sealed record RecordCount(int RecordId, int ThreadId, int TreatmentId, CountedRecord? Record)
{
    /// <summary>The record's counts as a <see cref="TreatmentTally"/> stores them.</summary>
    public string? Counted { get; } = Record is null ? null : JsonSerializer.Serialize(Record);

    public TreatmentTally ToTally() => new() { RecordId = RecordId, ThreadId = ThreadId, TreatmentId = TreatmentId, Counted = Counted };

    /// <summary>Whether <paramref name="tally"/> already says what this says.</summary>
    public bool Matches(TreatmentTally tally) =>
        tally.RecordId == RecordId && tally.ThreadId == ThreadId && tally.TreatmentId == TreatmentId && tally.Counted == Counted;

    public static CountedRecord? Parse(string? counted) => counted is null ? null : JsonSerializer.Deserialize<CountedRecord>(counted);
}

/// <summary>Reads records as the charts count them, with their follow-ups: for one thread's record, or a whole treatment's.</summary>
public static class CountedRecords
{
    public static async Task<List<RecordCount>> ReadAsync(
        ForumDbContext db, IQueryable<TreatmentRecord> records, IReadOnlyList<int> days, CancellationToken cancellationToken)
    {
        var all = await records.AsNoTracking().Select(r => new { r.Id, r.ThreadId, r.TreatmentId }).ToListAsync(cancellationToken);
        if (all.Count == 0)
        {
            return [];
        }
        var ids = records.Select(r => r.Id);
        var publicAudience = ThreadAudience.Public;
        var counted = await TreatmentAggregator.Counted(db).Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                Record = new CountedRecord(
                    r.BodyArea, r.PainBefore, r.PainAfter, r.ReliefAmount, r.ReliefUnit, r.SideEffects, r.WouldRepeat,
                    r.Thread!.Audience == publicAudience && !r.Thread.Topic!.MembersOnly),
            })
            .ToDictionaryAsync(c => c.Id, c => c.Record, cancellationToken);
        var followUps = counted.Count == 0 ? [] : await FollowUpsAsync(db, ids, days, cancellationToken);
        return [.. all.Select(r => new RecordCount(r.Id, r.ThreadId, r.TreatmentId, counted.TryGetValue(r.Id, out var record)
            ? followUps.TryGetValue(r.Id, out var points) ? record with { FollowUps = points } : record
            : null))];
    }

    /// <summary>
    /// Each record's follow-up pain at each point: its latest visible follow-up nearest that point. A follow-up whose
    /// reply is hidden, held or deleted does not count, as a record whose opening post is not visible does not.
    /// </summary>
    private static async Task<Dictionary<int, int?[]>> FollowUpsAsync(
        ForumDbContext db, IQueryable<int> recordIds, IReadOnlyList<int> days, CancellationToken cancellationToken)
    {
        var visible = PostState.Visible;
        var rows = await db.TreatmentFollowUps.AsNoTracking()
            .Where(f => f.Post!.State == visible && recordIds.Contains(f.RecordId))
            .OrderBy(f => f.Id)
            .Select(f => new { f.RecordId, f.MonthsSince, f.Pain })
            .ToListAsync(cancellationToken);
        var byRecord = new Dictionary<int, int?[]>();
        foreach (var row in rows)
        {
            var point = FollowUpPoints.PointOf(row.MonthsSince, days);
            if (point < 0)
            {
                continue;
            }
            if (!byRecord.TryGetValue(row.RecordId, out var points))
            {
                points = byRecord[row.RecordId] = new int?[days.Count];
            }
            // In order of writing, so the latest at a point is the one kept.
            points[point] = row.Pain;
        }
        return byRecord;
    }
}
