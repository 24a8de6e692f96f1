using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Treatments;

/// <summary>Stories whose author chose "Other treatment" and named it the same way (case and spacing aside).</summary>
public sealed record OtherTreatmentGroup(string Text, int Stories);

/// <summary>
/// Moderators map what members named under "Other treatment" to a listed treatment, so those stories count in that
/// treatment's charts. Every record with the same words moves at once, each keeping its former version as a revision
/// (as an author's edit does), and the mapping is in the audit log.
/// </summary>
public sealed class OtherTreatmentMapping(ForumDbContext db, TreatmentAggregator aggregates, PageCache pages, TimeProvider clock)
{
    /// <summary>The words members used, most stories first.</summary>
    public async Task<IReadOnlyList<OtherTreatmentGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        var texts = await OtherRecords().AsNoTracking().OrderBy(r => r.Id).Select(r => r.OtherTreatment!).ToListAsync(cancellationToken);
        return [.. texts.GroupBy(Key, StringComparer.Ordinal)
            .Select(g => new OtherTreatmentGroup(g.First().Trim(), g.Count()))
            .OrderByDescending(g => g.Stories).ThenBy(g => g.Text, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The treatments a story may be mapped to: every listed one but "other" itself.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name)>> TargetsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Treatments.AsNoTracking().Where(t => t.Slug != Treatment.OtherSlug && t.SortOrder >= 0).OrderBy(t => t.SortOrder)
            .Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Slug, t.Name))];

    /// <summary>
    /// Moves every "other" record named <paramref name="text"/> to the treatment <paramref name="slug"/>; returns how many
    /// moved, or null when <paramref name="slug"/> is not a treatment they may move to.
    /// </summary>
    public async Task<int?> MapAsync(string text, string slug, string moderatorId, CancellationToken cancellationToken)
    {
        var target = await db.Treatments.SingleOrDefaultAsync(t => t.Slug == slug && t.Slug != Treatment.OtherSlug && t.SortOrder >= 0, cancellationToken);
        if (target is null)
        {
            return null;
        }
        var key = Key(text);
        var records = (await OtherRecords().ToListAsync(cancellationToken)).Where(r => Key(r.OtherTreatment!) == key).ToList();
        if (records.Count == 0)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var record in records)
        {
            record.Revisions.Add(new TreatmentRecordRevision { Snapshot = TreatmentRecords.Snapshot(record), ReplacedAt = now });
            (record.TreatmentId, record.OtherTreatment) = (target.Id, null);
        }
        db.ModerationActions.Add(new ModerationAction
        {
            ActorId = moderatorId,
            Kind = ModerationKind.MapTreatment,
            Details = $"“{Shorten(ForumText.Line(text))}” → {target.Name} ({records.Count} {(records.Count == 1 ? "story" : "stories")})",
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        // Each story moves out of "other" and into the target, a cost of the stories mapped, not of either treatment's size.
        foreach (var record in records)
        {
            await aggregates.ThreadChangedAsync(record.ThreadId, cancellationToken);
            await pages.ThreadChangedAsync(record.ThreadId, cancellationToken);
        }
        return records.Count;
    }

    private IQueryable<TreatmentRecord> OtherRecords() =>
        db.TreatmentRecords.Where(r => r.Treatment!.Slug == Treatment.OtherSlug && r.OtherTreatment != null);

    /// <summary>Words match whatever their case and spacing: "PRP  shots" and "prp shots" are one group.</summary>
    private static string Key(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}
