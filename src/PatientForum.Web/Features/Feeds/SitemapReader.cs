using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Feeds;

/// <summary>An address in a sitemap (absolute), with when what it shows last changed where that is known.</summary>
public sealed record SitemapUrl(string Location, DateTime? LastModified);

/// <summary>
/// The queries behind the sitemaps: the pages anyone may read, and only those. Threads are public ones (not hidden, not
/// members-only: <see cref="ThreadAccess"/>); a members-only topic, which lists nothing to a visitor, is left out too.
/// Thread files hold threads by id range (<see cref="FeedOptions.SitemapUrlsPerFile"/> ids each), so each is a range of the
/// primary key and a thread never moves to another file.
/// </summary>
public sealed class SitemapReader(ForumDbContext db, ThreadReader threads, IOptions<ForumOptions> forum, IOptions<FeedOptions> options)
{
    private readonly int _perFile = options.Value.SitemapUrlsPerFile;

    /// <summary>The sitemap files: the pages first, then each thread file that holds a public thread.</summary>
    public async Task<IReadOnlyList<SitemapUrl>> FilesAsync(CancellationToken cancellationToken)
    {
        var perFile = _perFile;
        var files = await PublicThreads()
            .GroupBy(t => (t.Id - 1) / perFile)
            .Select(g => new { Index = g.Key, LastModified = g.Max(t => t.LastActivityAt) })
            .OrderBy(f => f.Index)
            .ToListAsync(cancellationToken);
        var pages = await PagesAsync(cancellationToken);
        return
        [
            new(Absolute(ForumUrls.PagesSitemap), pages.Max(p => p.LastModified)),
            .. files.Select(f => new SitemapUrl(Absolute(ForumUrls.ThreadsSitemap(f.Index + 1)), f.LastModified)),
        ];
    }

    /// <summary>The home page, the guide and every topic anyone may read, with their latest public activity.</summary>
    public async Task<IReadOnlyList<SitemapUrl>> PagesAsync(CancellationToken cancellationToken)
    {
        var topics = (await threads.GetTopicsAsync(Viewer.Anonymous, cancellationToken)).Where(t => !t.MembersOnly).ToList();
        var guide = await PublicThreads().Where(t => t.SeedKey != null && t.IsPinned).MaxAsync(t => (DateTime?)t.LastActivityAt, cancellationToken);
        return
        [
            new(Absolute(ForumUrls.Home), topics.Max(t => t.LastActivityAt)),
            new(Absolute(ForumUrls.Guide), guide),
            .. topics.Select(t => new SitemapUrl(Absolute(ForumUrls.Topic(t.Slug)), t.LastActivityAt)),
        ];
    }

    /// <summary>The public threads of thread file <paramref name="number"/> (from 1), by id; empty past the last one.</summary>
    public async Task<IReadOnlyList<SitemapUrl>> ThreadsAsync(int number, CancellationToken cancellationToken)
    {
        if (number < 1 || number > int.MaxValue / _perFile)
        {
            return [];
        }
        var (first, last) = ((number - 1) * _perFile + 1, number * _perFile);
        var rows = await PublicThreads().Where(t => t.Id >= first && t.Id <= last).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Slug, t.LastActivityAt })
            .ToListAsync(cancellationToken);
        return rows.Select(t => new SitemapUrl(Absolute(ForumUrls.Thread(t.Id, t.Slug)), t.LastActivityAt)).ToList();
    }

    private IQueryable<ForumThread> PublicThreads()
    {
        var hidden = false;
        return db.Threads.AsNoTracking().Where(t => t.IsHidden == hidden).OpenTo(Viewer.Anonymous);
    }

    private string Absolute(string path) => ForumUrls.Absolute(forum.Value.PublicUrl, path);
}
