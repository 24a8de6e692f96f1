using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// Keeps <see cref="TreatmentAggregate"/> rows in step with the records: called when a record is added or edited and
/// whenever a thread changes (hidden, restored, deleted, its audience switched, its author's account deleted), it counts
/// the treatment's charts again from the records as they now are. Counting again rather than adding and taking away
/// means a change can never be counted twice or missed, whatever order changes arrive in. It works in a scope of its
/// own, so it never saves the caller's pending changes. Topic pages, which list treatments, are evicted by the caller
/// (<see cref="Live.ForumChanges"/>) with the other lists.
/// </summary>
public sealed class TreatmentAggregator(IServiceScopeFactory scopes, IOutputCacheStore pages, IOptions<TreatmentOptions> options, TimeProvider clock)
{
    /// <summary>Every treatment page and its downloads carry this tag.</summary>
    public const string CacheTag = "treatments";

    /// <summary>The thread changed: count its record's treatment again, if it has a record.</summary>
    public async Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var treatmentId = await db.TreatmentRecords.Where(r => r.ThreadId == threadId).Select(r => (int?)r.TreatmentId).SingleOrDefaultAsync(cancellationToken);
        if (treatmentId is { } id)
        {
            await RecountAsync(db, id, cancellationToken);
        }
    }

    /// <summary>Counts one treatment again (after a record moved from it to another, for one).</summary>
    public async Task TreatmentChangedAsync(int treatmentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RecountAsync(scope.ServiceProvider.GetRequiredService<ForumDbContext>(), treatmentId, cancellationToken);
    }

    /// <summary>
    /// The records the charts count: kept in the charts by their author, on a thread that is not hidden, whose opening
    /// post is visible, written by an account that is not deleted (nor an alias whose member deleted theirs).
    /// </summary>
    public static IQueryable<TreatmentRecord> Counted(ForumDbContext db)
    {
        var visible = PostState.Visible;
        return db.TreatmentRecords.AsNoTracking()
            .Where(r => r.IncludeInCharts && !r.Thread!.IsHidden && r.Thread.Author!.DeletedAt == null
                && r.Thread.Posts.Any(p => p.IsOpening && p.State == visible)
                && !db.MemberAliases.Any(a => a.AliasUserId == r.Thread.AuthorId && a.OwnerId == null));
    }

    private async Task RecountAsync(ForumDbContext db, int treatmentId, CancellationToken cancellationToken)
    {
        var publicAudience = ThreadAudience.Public;
        var counted = await Counted(db).Where(r => r.TreatmentId == treatmentId)
            .Select(r => new
            {
                r.Id,
                Record = new CountedRecord(
                    r.BodyArea, r.PainBefore, r.PainAfter, r.ReliefAmount, r.ReliefUnit, r.SideEffects, r.WouldRepeat,
                    r.Thread!.Audience == publicAudience && !r.Thread.Topic!.MembersOnly),
            })
            .ToListAsync(cancellationToken);
        var days = options.Value.PromptDays;
        var followUps = await FollowUpsAsync(db, treatmentId, days, cancellationToken);
        var rows = counted.Select(c => followUps.TryGetValue(c.Id, out var points) ? c.Record with { FollowUps = points } : c.Record).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var aggregates = AggregateCounter.Count(treatmentId, rows, now, days.Count);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.TreatmentAggregates.Where(a => a.TreatmentId == treatmentId).ExecuteDeleteAsync(cancellationToken);
                db.TreatmentAggregates.AddRange(aggregates);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another instance counted the same treatment at the same moment; its rows are as good as ours, but
                // count again so the last write reflects the last change.
                db.ChangeTracker.Clear();
                aggregates = AggregateCounter.Count(treatmentId, rows, now, days.Count);
            }
        }
        await pages.EvictByTagAsync(CacheTag, cancellationToken);
    }

    /// <summary>
    /// Each record's follow-up pain at each point: its latest visible follow-up nearest that point. A follow-up whose
    /// reply is hidden, held or deleted does not count, as a record whose opening post is not visible does not.
    /// </summary>
    private static async Task<Dictionary<int, int?[]>> FollowUpsAsync(ForumDbContext db, int treatmentId, IReadOnlyList<int> days, CancellationToken cancellationToken)
    {
        var visible = PostState.Visible;
        var rows = await db.TreatmentFollowUps.AsNoTracking()
            .Where(f => f.Post!.State == visible && db.TreatmentRecords.Any(r => r.Id == f.RecordId && r.TreatmentId == treatmentId))
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
