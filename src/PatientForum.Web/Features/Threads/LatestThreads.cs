using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Threads;

/// <summary>
/// The home page's "latest": the threads the viewer may read, across every topic or in one, newest activity first, as
/// Discourse's Latest list has them. Pinned threads (the guide) are left out: the page links to the guide instead, so
/// its parts do not sit above every new story. Hidden threads are left out for everyone, their authors and moderators
/// too, so the list is the same for all who read the same audience; a visitor's is cached (see <c>PageCache</c>).
/// </summary>
public sealed class LatestThreads(ForumDbContext db, ThreadReader topics, IOptions<ForumOptions> options)
{
    /// <summary>The page of latest threads, or null when the page number or the topic is not one there is.</summary>
    public async Task<LatestPage?> GetAsync(string? topicSlug, int page, Viewer viewer, CancellationToken cancellationToken)
    {
        var summaries = await topics.GetTopicsAsync(viewer, cancellationToken);
        TopicSummary? topic = null;
        if (!string.IsNullOrEmpty(topicSlug) && (topic = summaries.SingleOrDefault(t => t.Slug == topicSlug)) is null)
        {
            return null;
        }
        // Flags compared with parameters, as ThreadReader does, and the topics named by id, so SQLite looks the
        // threads up in the (topic, hidden, audience, pinned, last activity) index topic by topic instead of reading
        // every thread in the forum to count them.
        var slugs = topic is null ? summaries.Select(t => t.Slug).ToList() : [topic.Slug];
        var topicIds = await db.Topics.AsNoTracking().Where(t => slugs.Contains(t.Slug)).Select(t => t.Id).ToListAsync(cancellationToken);
        var (hidden, pinned) = (false, false);
        var shown = db.Threads.AsNoTracking().OpenTo(viewer)
            .Where(t => topicIds.Contains(t.TopicId) && t.IsHidden == hidden && t.IsPinned == pinned && t.Topic!.ArchivedAt == null);
        var paging = new Paging(page, options.Value.ThreadsPerPage, await shown.CountAsync(cancellationToken));
        if (!paging.IsValid)
        {
            return null;
        }
        var threads = await shown
            .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToThreadRowsAsync(db, cancellationToken);
        return new LatestPage(threads, paging, topic, summaries);
    }
}
