using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Threads;

/// <summary>
/// Reads thread rows (<see cref="ThreadReader.ThreadRow"/>) with who wrote each one's newest visible reply and the
/// thread's treatment record at a glance.
/// </summary>
public static class ThreadRowQueries
{
    /// <summary>
    /// The rows of <paramref name="threads"/>, each with its last reply. The last replies are read afterwards, for the
    /// rows read only: joined into the rows' query, the newest reply per thread is ranked across every reply in the
    /// forum, so a page of 20 threads would read them all. Here each thread's newest visible reply is one look-up in
    /// the (thread, created) index, and only a hidden, held or deleted newest reply makes it step back to the one before.
    /// </summary>
    public static async Task<List<ThreadListItem>> ToThreadRowsAsync(this IQueryable<ForumThread> threads, ForumDbContext db, CancellationToken cancellationToken)
    {
        var rows = await threads.Select(ThreadReader.ThreadRow).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }
        rows = await WithTreatmentsAsync(rows, db, cancellationToken);
        var ids = rows.Where(r => r.ReplyCount > 0).Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return rows;
        }
        var (visible, opening) = (PostState.Visible, false);
        var lastIds = await db.Threads.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .Select(t => t.Posts.Where(p => p.IsOpening == opening && p.State == visible)
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefault())
            .Where(id => id != null)
            .ToListAsync(cancellationToken);
        // The byline's name: an aliased reply's author is its alias account, so the alias is named, never the member.
        var replies = await db.Posts.AsNoTracking()
            .Where(p => lastIds.Contains(p.Id))
            .Select(p => new { p.ThreadId, Reply = new LastReply(p.AuthorId, p.Author!.DisplayName, p.CreatedAt) })
            .ToDictionaryAsync(x => x.ThreadId, x => x.Reply, cancellationToken);
        return rows.ConvertAll(r => replies.TryGetValue(r.Id, out var last) ? r with { LastReply = last } : r);
    }

    /// <summary>
    /// Each row's treatment record, one look-up in the record's unique thread index for the rows read. A record belongs
    /// to its thread and shows wherever the thread does, so a row the reader may see may show it.
    /// </summary>
    private static async Task<List<ThreadListItem>> WithTreatmentsAsync(List<ThreadListItem> rows, ForumDbContext db, CancellationToken cancellationToken)
    {
        var ids = rows.ConvertAll(r => r.Id);
        var records = await db.TreatmentRecords.AsNoTracking()
            .Where(r => ids.Contains(r.ThreadId))
            .Select(r => new { r.ThreadId, Glance = new TreatmentGlance(r.Treatment!.Name, r.OtherTreatment, r.PainBefore, r.PainAfter) })
            .ToDictionaryAsync(x => x.ThreadId, x => x.Glance, cancellationToken);
        return records.Count == 0 ? rows : rows.ConvertAll(r => records.TryGetValue(r.Id, out var glance) ? r with { Treatment = glance } : r);
    }
}
