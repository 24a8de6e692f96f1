using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// Keeps <see cref="TreatmentAggregate"/> rows in step with the records: called when a record is added or edited and
/// whenever a thread changes (hidden, restored, deleted, its audience switched, its author's account deleted). A
/// change costs the same however many stories the treatment has: the record's <see cref="TreatmentTally"/> (what it
/// added to the rows) is taken out and the record as it now is added in, in one transaction that also writes the new
/// tally. Since each change compares the record as it now is with what the rows hold for it, a change can never be
/// counted twice or missed, whatever order changes arrive in; the transactions take one lock, so two at once never
/// lose a count. It works in a scope of its own, so it never saves the caller's pending changes. Topic pages, which
/// list treatments, are evicted by the caller (<see cref="Live.ForumChanges"/>) with the other lists.
/// </summary>
public sealed class TreatmentAggregator(IServiceScopeFactory scopes, IOutputCacheStore pages, IOptions<TreatmentOptions> options, TimeProvider clock)
{
    /// <summary>Every treatment page and its downloads carry this tag.</summary>
    public const string CacheTag = "treatments";

    // One lock for every change to the charts, held for a few indexed statements: stories are written far less often
    // than that takes, and one lock leaves no order to get wrong when a record moves between treatments. SQLite needs
    // none, since its transactions (BEGIN IMMEDIATE) take the database's single write lock first.
    private const long LockKey = 0x54_72_65_61_74_6D; // "Treatm"

    /// <summary>The thread changed: count its record (or the record it had) again, if it has one.</summary>
    public async Task ThreadChangedAsync(int threadId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();

        // Most threads have no record: answered without a lock, as is a change another call has already counted.
        if (await UnchangedAsync(db, threadId, cancellationToken))
        {
            return;
        }
        await using (var transaction = await BeginAsync(db, cancellationToken))
        {
            await UpdateAsync(db, threadId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await pages.EvictByTagAsync(CacheTag, cancellationToken);
    }

    /// <summary>
    /// Counts one treatment again from all its records, writing every record's tally: for changes that reach many
    /// records at once, and to repair rows counted before tallies were kept (<see cref="TreatmentTallyRepair"/>).
    /// </summary>
    public async Task TreatmentChangedAsync(int treatmentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        await using (var transaction = await BeginAsync(db, cancellationToken))
        {
            var counts = await CountedRecords.ReadAsync(db, db.TreatmentRecords.Where(r => r.TreatmentId == treatmentId), Days, cancellationToken);
            await db.TreatmentAggregates.Where(a => a.TreatmentId == treatmentId).ExecuteDeleteAsync(cancellationToken);
            db.TreatmentAggregates.AddRange(Count(treatmentId, counts));
            await db.TreatmentTallies.Where(t => t.TreatmentId == treatmentId || db.TreatmentRecords.Any(r => r.Id == t.RecordId && r.TreatmentId == treatmentId))
                .ExecuteDeleteAsync(cancellationToken);
            db.TreatmentTallies.AddRange(counts.Select(c => c.ToTally()));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await pages.EvictByTagAsync(CacheTag, cancellationToken);
    }

    /// <summary>The rows a count from scratch gives for the records as they are now; nothing is written.</summary>
    public async Task<List<TreatmentAggregate>> CountFromScratchAsync(int treatmentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        return Count(treatmentId, await CountedRecords.ReadAsync(db, db.TreatmentRecords.Where(r => r.TreatmentId == treatmentId), Days, cancellationToken));
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

    private IReadOnlyList<int> Days => options.Value.PromptDays;

    private List<TreatmentAggregate> Count(int treatmentId, List<RecordCount> counts) =>
        AggregateCounter.Count(treatmentId, [.. counts.Where(c => c.Record is not null).Select(c => c.Record!)], clock.GetUtcNow().UtcDateTime, Days.Count);

    private async Task<bool> UnchangedAsync(ForumDbContext db, int threadId, CancellationToken cancellationToken)
    {
        var tallies = await db.TreatmentTallies.AsNoTracking().Where(t => t.ThreadId == threadId).ToListAsync(cancellationToken);
        var record = await db.TreatmentRecords.AnyAsync(r => r.ThreadId == threadId, cancellationToken)
            ? (await CountedRecords.ReadAsync(db, db.TreatmentRecords.Where(r => r.ThreadId == threadId), Days, cancellationToken)).Single()
            : null;
        return record is null ? tallies.Count == 0 : tallies.Count == 1 && record.Matches(tallies[0]);
    }

    /// <summary>Takes the thread's tallies out of their treatments' rows and its record as it now is in, and keeps its new tally.</summary>
    private async Task UpdateAsync(ForumDbContext db, int threadId, CancellationToken cancellationToken)
    {
        var tallies = await db.TreatmentTallies.Where(t => t.ThreadId == threadId).ToListAsync(cancellationToken);
        var now = (await CountedRecords.ReadAsync(db, db.TreatmentRecords.Where(r => r.ThreadId == threadId), Days, cancellationToken)).SingleOrDefault();
        var rows = new Dictionary<int, List<TreatmentAggregate>>();
        var added = now?.Record;
        foreach (var tally in tallies.Where(t => t.Counted is not null))
        {
            // Out and in together when the record stays in its treatment, so an area it stays in keeps its row.
            var stays = added is not null && now!.TreatmentId == tally.TreatmentId;
            await ApplyAsync(db, rows, tally.TreatmentId, RecordCount.Parse(tally.Counted), stays ? added : null, cancellationToken);
            added = stays ? null : added;
        }
        if (added is not null)
        {
            await ApplyAsync(db, rows, now!.TreatmentId, null, added, cancellationToken);
        }
        db.TreatmentTallies.RemoveRange(tallies.Where(t => t.RecordId != now?.RecordId));
        if (now is not null)
        {
            if (tallies.SingleOrDefault(t => t.RecordId == now.RecordId) is { } kept)
            {
                (kept.TreatmentId, kept.Counted) = (now.TreatmentId, now.Counted);
            }
            else
            {
                db.TreatmentTallies.Add(now.ToTally());
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(
        ForumDbContext db, Dictionary<int, List<TreatmentAggregate>> rows, int treatmentId, CountedRecord? removed, CountedRecord? added,
        CancellationToken cancellationToken)
    {
        if (!rows.TryGetValue(treatmentId, out var stored))
        {
            stored = rows[treatmentId] = await db.TreatmentAggregates.Where(a => a.TreatmentId == treatmentId).ToListAsync(cancellationToken);
        }
        var (fresh, emptied) = AggregateCounter.Apply(treatmentId, stored, removed, added, clock.GetUtcNow().UtcDateTime, Days.Count);
        db.TreatmentAggregates.AddRange(fresh);
        db.TreatmentAggregates.RemoveRange(emptied);
        stored.AddRange(fresh);
        stored.RemoveAll(emptied.Contains);
    }

    /// <summary>A transaction holding the charts' lock.</summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(ForumDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        }
        return transaction;
    }
}
