using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.DataExport.Sections;

/// <summary>A text a post had before an edit; <paramref name="ReplacedBy"/> says "you" or "a moderator", never which one.</summary>
public sealed record ExportRevision(DateTime ReplacedAt, string ReplacedBy, string Markdown, string Html);

/// <summary>A post the member wrote; <paramref name="PostedAs"/> is the alias it went out under, if any.</summary>
public sealed record ExportPost(
    int Id, string Link, int ThreadId, string ThreadTitle, bool OpensThread, PostState State, DateTime CreatedAt, DateTime? EditedAt,
    bool EditedByModerator, string Markdown, string Html, IReadOnlyList<ExportRevision> Revisions, string? PostedAs = null);

/// <summary>
/// posts.json: every post the member wrote, hidden and removed ones too with their state, and every earlier version.
/// Read a page at a time by id, so the revisions of one page are all that is held at once.
/// </summary>
public sealed class PostsSection(ForumDbContext db) : IExportSection
{
    private const int PageSize = 200;

    public string FileName => "posts.json";

    public string Title => "Your posts";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0;
        var authors = await db.AccountsOfAsync(subject.UserId, cancellationToken);
        while (true)
        {
            var page = await db.Posts.AsNoTracking()
                .Where(p => authors.Contains(p.AuthorId) && p.Id > after)
                .OrderBy(p => p.Id)
                .Take(PageSize)
                .Select(p => new
                {
                    p.Id, p.ThreadId, ThreadTitle = p.Thread!.Title, p.IsOpening, p.State, p.CreatedAt, p.EditedAt, p.EditedByModerator, p.Markdown, p.Html,
                    PostedAs = p.AuthorId == subject.UserId ? null : p.Author!.DisplayName,
                })
                .ToListAsync(cancellationToken);
            var ids = page.Select(p => p.Id).ToList();
            var revisions = (await db.PostRevisions.AsNoTracking()
                    .Where(r => ids.Contains(r.PostId))
                    .OrderBy(r => r.ReplacedAt).ThenBy(r => r.Id)
                    .Select(r => new { r.PostId, r.ReplacedAt, r.EditorId, r.Markdown, r.Html })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.PostId, r => new ExportRevision(r.ReplacedAt, authors.Contains(r.EditorId) ? "you" : "a moderator", r.Markdown, r.Html));
            foreach (var p in page)
            {
                yield return new ExportPost(
                    p.Id, subject.Link(ForumUrls.Post(p.Id)), p.ThreadId, p.ThreadTitle, p.IsOpening, p.State, p.CreatedAt, p.EditedAt,
                    p.EditedByModerator, p.Markdown, p.Html, [.. revisions[p.Id]], p.PostedAs);
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = page[^1].Id;
        }
    }
}
