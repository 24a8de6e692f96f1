using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.TopicAdmin;

/// <summary>What both topic pages' actions share: the list of topics as the page shows it, and a change saved with its audit entry.</summary>
public static class TopicChanges
{
    /// <summary>Every topic, archived ones too, in the forum's order; <paramref name="typed"/> stands in for its topic when a form came back refused.</summary>
    public static async Task<IReadOnlyList<TopicRow>> RowsAsync(ForumDbContext db, TopicRow? typed, CancellationToken cancellationToken)
    {
        var rows = await db.Topics.OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new TopicRow(t.Id, t.Slug, t.Name, t.Description, t.AllowAliases, t.MembersOnly, t.Threads.Count, null) { ArchivedAt = t.ArchivedAt })
            .ToListAsync(cancellationToken);
        return typed is null ? rows : [.. rows.Select(r => r.Id == typed.Id ? typed with { Threads = r.Threads, ArchivedAt = r.ArchivedAt } : r)];
    }

    /// <summary>Saves with its audit entry; then every cached page goes, as each names its topic (lists, breadcrumbs).</summary>
    public static async Task SaveAsync(ForumDbContext db, ModerationService moderation, PageCache pages, string adminId, string slug, string details)
    {
        var entry = $"{slug}: {details}";
        moderation.Audit(ModerationKind.ChangeTopic, adminId, null, null, null, null, entry.Length <= 500 ? entry : entry[..500]);
        await db.SaveChangesAsync(CancellationToken.None);
        await pages.EverythingChangedAsync(CancellationToken.None);
    }
}
