using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Features.Safety;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Features.Treatments;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Feeds;

/// <summary>
/// The queries behind the feeds. A feed is read by anyone and copied into readers the forum does not control, so it
/// holds public content only, whoever asks: threads anyone may read (not hidden, not members-only by their own audience
/// or their topic's, through <see cref="ThreadAccess"/>) and, of those, visible posts only. Authors are named as the
/// thread page names them (<see cref="ThreadReader.AsPostViews"/>, the byline's name).
/// </summary>
public sealed class FeedReader(ForumDbContext db, ThreadReader threads, PublicExcerpt excerpts, IOptionsMonitor<ForumOptions> forum, IOptions<FeedOptions> options)
{
    private readonly int _items = options.Value.Items;

    /// <summary>The newest public threads of the whole forum.</summary>
    public Task<FeedContent> SiteAsync(CancellationToken cancellationToken) =>
        ThreadsFeedAsync(PublicThreads(), $"{Site}: latest threads",
            $"The newest public threads on {Site}, where patients share their experience of treatment.", ForumUrls.Home, cancellationToken);

    /// <summary>The newest public threads of a topic; null for a topic that does not exist or is members-only (it has none).</summary>
    public async Task<FeedContent?> TopicAsync(string slug, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().InUse().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Slug, t.Name, t.Description, t.MembersOnly })
            .SingleOrDefaultAsync(cancellationToken);
        return topic is null || topic.MembersOnly
            ? null
            : await ThreadsFeedAsync(PublicThreads().Where(t => t.TopicId == topic.Id), $"{Site}: {topic.Name}", topic.Description,
                ForumUrls.Topic(topic.Slug), cancellationToken);
    }

    /// <summary>
    /// The newest public stories of a treatment: threads anyone may read whose record the treatment's charts count (the
    /// stories its page links to); null for a treatment that does not exist.
    /// </summary>
    public async Task<FeedContent?> TreatmentAsync(string slug, CancellationToken cancellationToken)
    {
        var treatment = await db.Treatments.AsNoTracking().Where(t => t.Slug == slug && t.SortOrder >= 0).Select(t => new { t.Id, t.Slug, t.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (treatment is null)
        {
            return null;
        }
        var counted = TreatmentAggregator.Counted(db).Where(r => r.TreatmentId == treatment.Id);
        return await ThreadsFeedAsync(PublicThreads().Where(t => counted.Any(r => r.ThreadId == t.Id)), $"{Site}: {treatment.Name} stories",
            $"The newest stories of {treatment.Name} on {Site}: self-reported, not a clinical trial.", TreatmentUrls.Treatment(treatment.Slug),
            cancellationToken);
    }

    /// <summary>The newest visible replies of a thread anyone may read; null for any other thread.</summary>
    public async Task<FeedContent?> ThreadAsync(int id, CancellationToken cancellationToken)
    {
        var thread = await PublicThreads().Where(t => t.Id == id).Select(t => new { t.Id, t.Title, t.Slug, t.CreatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (thread is null)
        {
            return null;
        }
        var replies = await PostEntriesAsync(VisiblePosts().Where(p => p.ThreadId == id && !p.IsOpening), cancellationToken);
        return new FeedContent($"Replies to {thread.Title}", $"The newest replies to “{thread.Title}” on {Site}.",
            Absolute(ForumUrls.Thread(thread.Id, thread.Slug)), replies, thread.CreatedAt);
    }

    /// <summary>
    /// A member's newest public posts, threads they started and replies alike. For a profile anyone may open
    /// (<see cref="ProfileMember.IsPublic"/>), which the caller checks as the profile page does.
    /// </summary>
    public async Task<FeedContent> ProfileAsync(ProfileMember member, CancellationToken cancellationToken)
    {
        var posts = await PostEntriesAsync(VisiblePosts().Where(p => p.AuthorId == member.Id), cancellationToken);
        return new FeedContent($"Posts by {member.DisplayName}", $"The newest public posts by {member.DisplayName} on {Site}.",
            Absolute(ForumUrls.Profile(member.DisplayName)), posts, member.CreatedAt);
    }

    private IQueryable<ForumThread> PublicThreads()
    {
        // Compared with a parameter, as the pages' queries are, so the database looks it up in its indexes.
        var hidden = false;
        return db.Threads.AsNoTracking().Where(t => t.IsHidden == hidden).OpenTo(Viewer.Anonymous);
    }

    private IQueryable<Post> VisiblePosts()
    {
        var (hidden, visible) = (false, PostState.Visible);
        return db.Posts.AsNoTracking().Where(p => p.State == visible && p.Thread!.IsHidden == hidden).InThreadsOpenTo(Viewer.Anonymous);
    }

    /// <summary>
    /// Threads as entries, newest first: ordered by id, which grows as threads are started, so the database reads the
    /// newest from the end of its primary key instead of sorting every thread. Each entry carries its opening post's
    /// excerpt and author, and is updated when that post was last edited.
    /// </summary>
    private async Task<FeedContent> ThreadsFeedAsync(IQueryable<ForumThread> listed, string title, string description, string page, CancellationToken cancellationToken)
    {
        var newest = await listed.OrderByDescending(t => t.Id).Take(_items)
            .Select(t => new { t.Id, t.Title, t.Slug, t.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = newest.Select(t => t.Id).ToList();
        var openings = (await threads.AsPostViews(db.Posts.AsNoTracking().Where(p => ids.Contains(p.ThreadId) && p.IsOpening)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.ThreadId);
        var entries = newest.Where(t => openings.ContainsKey(t.Id)).Select(t =>
        {
            var opening = openings[t.Id];
            return new FeedEntry(t.Title, Absolute(ForumUrls.Thread(t.Id, t.Slug)), opening.AuthorName, opening.AuthorId, ExcerptOf(opening),
                t.CreatedAt, opening.EditedAt ?? t.CreatedAt);
        }).ToList();
        return new FeedContent(title, description, Absolute(page), entries, DateTime.UnixEpoch);
    }

    /// <summary>Posts as entries, newest first (by id, as threads are), each linking to the post where it is shown.</summary>
    private async Task<IReadOnlyList<FeedEntry>> PostEntriesAsync(IQueryable<Post> posts, CancellationToken cancellationToken)
    {
        var newest = posts.OrderByDescending(p => p.Id).Take(_items);
        var shown = await threads.AsPostViews(newest).ToListAsync(cancellationToken);
        var ids = shown.Select(p => p.ThreadId).Distinct().ToList();
        var titles = await db.Threads.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Title }).ToDictionaryAsync(t => t.Id, t => t.Title, cancellationToken);
        return shown.OrderByDescending(p => p.Id).Select(p => new FeedEntry(
            p.IsOpening ? titles[p.ThreadId] : $"Re: {titles[p.ThreadId]}", Absolute(ForumUrls.Post(p.Id)), p.AuthorName, p.AuthorId, ExcerptOf(p),
            p.CreatedAt, p.EditedAt ?? p.CreatedAt)).ToList();
    }

    private string ExcerptOf(PostView post) => post.State == PostState.Visible ? excerpts.Of(post.Html, post.ContentWarnings) : "";

    private string Absolute(string path) => ForumUrls.Absolute(forum.CurrentValue.PublicUrl, path);

    /// <summary>The forum's name as an admin set it (<c>Forum:Name</c>), which feed titles carry.</summary>
    private string Site => forum.CurrentValue.Name;
}
