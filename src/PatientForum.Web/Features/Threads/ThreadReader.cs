using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Threads;

/// <summary>The read side of the forum: the queries behind the home, topic, thread and guide pages.</summary>
public sealed class ThreadReader(ForumDbContext db, IOptions<ForumOptions> options)
{
    /// <summary>A thread list's row (see <see cref="LatestThreads"/> too).</summary>
    internal static readonly Expression<Func<ForumThread, ThreadListItem>> ThreadRow = t =>
        new ThreadListItem(t.Id, t.Topic!.Slug, t.Title, t.Slug, t.Author!.DisplayName, t.ReplyCount, t.CreatedAt, t.LastActivityAt, t.IsPinned, t.IsLocked,
            t.Audience == ThreadAudience.Members || t.Topic.MembersOnly,
            t.Posts.Any(p => p.ModeratorNote != null && p.State == PostState.Visible), t.Topic.Name);

    private readonly ForumOptions _options = options.Value;

    /// <summary>A post as pages show it, with the staff badge (a post written as staff, by an author who still holds the role) in the same query.</summary>
    private readonly Expression<Func<Post, PostView>> _postView = PostViewQuery(db);

    /// <summary>
    /// The topics with the count and latest activity of the threads the viewer may read (visitors: public threads only,
    /// and none of a members-only topic's).
    /// </summary>
    public async Task<IReadOnlyList<TopicSummary>> GetTopicsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        // Compared with a parameter, not written as !x.IsHidden: SQLite looks an equality up in the index, where
        // it would read every thread of the topic to test NOT IsHidden.
        var (hidden, audience) = (false, ThreadAudience.Public);
        var ordered = db.Topics.AsNoTracking().InUse().OrderBy(t => t.SortOrder);
        if (viewer.ReadsMembersOnly)
        {
            return await ordered
                .Select(t => new TopicSummary(
                    t.Slug, t.Name, t.Description,
                    t.Threads.Count(x => x.IsHidden == hidden), t.Threads.Where(x => x.IsHidden == hidden).Max(x => (DateTime?)x.LastActivityAt),
                    t.MembersOnly))
                .ToListAsync(cancellationToken);
        }
        var topics = await ordered
            .Select(t => new TopicSummary(
                t.Slug, t.Name, t.Description,
                t.Threads.Count(x => x.IsHidden == hidden && x.Audience == audience),
                t.Threads.Where(x => x.IsHidden == hidden && x.Audience == audience).Max(x => (DateTime?)x.LastActivityAt),
                t.MembersOnly))
            .ToListAsync(cancellationToken);
        return topics.Select(t => t.MembersOnly ? t with { ThreadCount = 0, LastActivityAt = null } : t).ToList();
    }

    public async Task<TopicPage?> GetTopicPageAsync(string slug, int page, Viewer viewer, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().InUse()
            .Where(t => t.Slug == slug)
            .Select(t => new TopicHead(t.Id, t.Slug, t.Name, t.Description, t.MembersOnly))
            .SingleOrDefaultAsync(cancellationToken);
        if (topic is null)
        {
            return null;
        }
        if (viewer.IsModerator || (viewer.UserId is not null && await HasHiddenThreadsAsync(topic.Id, viewer.UserId, cancellationToken)))
        {
            var listed = db.Threads.AsNoTracking()
                .Where(t => t.TopicId == topic.Id && (!t.IsHidden || viewer.IsModerator || t.AuthorId == viewer.UserId))
                .OpenToInTopic(viewer, topic.MembersOnly);
            var paging = new Paging(page, _options.ThreadsPerPage, await listed.CountAsync(cancellationToken));
            if (!paging.IsValid)
            {
                return null;
            }
            var threads = await listed
                .OrderByDescending(t => t.IsPinned).ThenBy(t => t.IsPinned ? t.PinOrder : 0)
                .ThenByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
                .Skip(paging.Skip).Take(paging.PageSize)
                .ToThreadRowsAsync(db, cancellationToken);
            return new TopicPage(topic.Id, topic.Slug, topic.Name, topic.Description, threads, paging, topic.MembersOnly);
        }
        return await GetPublicTopicPageAsync(topic, page, viewer, cancellationToken);
    }

    private sealed record TopicHead(int Id, string Slug, string Name, string Description, bool MembersOnly);

    /// <summary>Whether the member started threads in this topic that are hidden (they still see those listed).</summary>
    private Task<bool> HasHiddenThreadsAsync(int topicId, string userId, CancellationToken cancellationToken) =>
        db.Threads.AsNoTracking().AnyAsync(t => t.AuthorId == userId && t.TopicId == topicId && t.IsHidden, cancellationToken);

    /// <summary>
    /// The topic page as visitors see it (the one that is cached), and as members do unless they have hidden threads
    /// of their own there: it reads only the page's threads, pinned ones first and then the rest newest first, both
    /// in the order of the (topic, hidden, pinned, last activity) index, so its cost does not grow with the number
    /// of threads in the topic. The flags are compared with
    /// parameters, which SQLite looks up in the index (NOT IsHidden would make it read every thread).
    /// </summary>
    private async Task<TopicPage?> GetPublicTopicPageAsync(TopicHead topic, int page, Viewer viewer, CancellationToken cancellationToken)
    {
        var (hidden, pinned, unpinned) = (false, true, false);
        var shown = db.Threads.AsNoTracking().Where(t => t.TopicId == topic.Id && t.IsHidden == hidden).OpenToInTopic(viewer, topic.MembersOnly);
        var counts = await shown.GroupBy(t => t.IsPinned).Select(g => new { IsPinned = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pinnedCount = counts.Where(c => c.IsPinned).Sum(c => c.Count);
        var paging = new Paging(page, _options.ThreadsPerPage, counts.Sum(c => c.Count));
        if (!paging.IsValid)
        {
            return null;
        }
        var threads = new List<ThreadListItem>(paging.PageSize);
        if (paging.Skip < pinnedCount)
        {
            threads.AddRange(await shown.Where(t => t.IsPinned == pinned)
                .OrderBy(t => t.PinOrder).ThenByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
                .Skip(paging.Skip).Take(paging.PageSize)
                .ToThreadRowsAsync(db, cancellationToken));
        }
        if (threads.Count < paging.PageSize)
        {
            threads.AddRange(await shown.Where(t => t.IsPinned == unpinned)
                .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
                .Skip(Math.Max(0, paging.Skip - pinnedCount)).Take(paging.PageSize - threads.Count)
                .ToThreadRowsAsync(db, cancellationToken));
        }
        return new TopicPage(topic.Id, topic.Slug, topic.Name, topic.Description, threads, paging, topic.MembersOnly);
    }

    public async Task<ThreadPage?> GetThreadPageAsync(int id, int page, Viewer viewer, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new
            {
                t.Id, t.Title, t.Slug, TopicSlug = t.Topic!.Slug, TopicName = t.Topic.Name,
                t.IsPinned, t.IsLocked, t.IsHidden, t.AuthorId, IsGuide = t.SeedKey != null, PostCount = t.ReplyCount + 1,
                Audience = new ThreadAudienceView(t.Audience, t.Topic.MembersOnly, t.AuthorId, t.Posts.Any(p => p.AuthorId != t.AuthorId)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (thread is null || (thread.IsHidden && !viewer.IsModerator && thread.AuthorId != viewer.UserId)
            || (thread.Audience.IsMembersOnly && !viewer.ReadsMembersOnly))
        {
            return null;
        }
        var paging = new Paging(page, _options.PostsPerPage, thread.PostCount);
        if (!paging.IsValid)
        {
            return null;
        }

        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == id).Where(UnpublishedPosts.ShownOnlyToTheirAuthorAndModerators(viewer))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(_postView)
            .ToListAsync(cancellationToken);
        posts = await WithReactionsAsync(posts, viewer.UserId, cancellationToken);
        return new ThreadPage(
            thread.Id, thread.Title, thread.Slug, thread.TopicSlug, thread.TopicName, thread.IsPinned, thread.IsLocked, thread.IsGuide,
            thread.IsHidden, posts, paging, thread.Audience);
    }

    /// <summary>
    /// Whether the thread is one the viewer may not read only because it is for members: it exists and is not hidden
    /// from them. Such a thread's address answers with the members' sign-in page instead of "not found".
    /// </summary>
    public Task<bool> IsForMembersOnlyAsync(int threadId, Viewer viewer, CancellationToken cancellationToken) =>
        viewer.ReadsMembersOnly
            ? Task.FromResult(false)
            : db.Threads.AsNoTracking().Where(t => t.Id == threadId && (!t.IsHidden || t.AuthorId == viewer.UserId)).Where(ThreadAccess.IsMembersOnly)
                .AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<GuideEntry>> GetGuideAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.Threads.AsNoTracking().OpenTo(viewer)
            .Where(t => t.SeedKey != null && t.IsPinned && !t.IsHidden)
            .OrderBy(t => t.PinOrder)
            .Select(t => new GuideEntry(t.PinOrder, t.Id, t.Title, t.Slug, t.Topic!.Slug, t.Topic.Name, t.ReplyCount))
            .ToListAsync(cancellationToken);

    /// <summary>The page of a thread on which a post appears, for redirects after posting.</summary>
    public async Task<int> PageOfPostAsync(int threadId, int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.CreatedAt }).SingleAsync(cancellationToken);
        var before = await db.Posts.AsNoTracking()
            .CountAsync(p => p.ThreadId == threadId && (p.CreatedAt < post.CreatedAt || (p.CreatedAt == post.CreatedAt && p.Id < postId)), cancellationToken);
        return before / _options.PostsPerPage + 1;
    }

    public Task<bool> TopicExistsAsync(string slug, CancellationToken cancellationToken) =>
        db.Topics.AsNoTracking().InUse().AnyAsync(t => t.Slug == slug, cancellationToken);

    /// <summary>Whether <paramref name="user"/> may read the thread: anyone, unless it is hidden; then moderators and its author.</summary>
    public Task<bool> CanReadThreadAsync(int threadId, ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        CanReadThreadAsync(threadId, Viewer.From(user), cancellationToken);

    /// <summary>Whether <paramref name="viewer"/> may read the thread, for callers that checked the viewer's standing themselves.</summary>
    public Task<bool> CanReadThreadAsync(int threadId, Viewer viewer, CancellationToken cancellationToken) =>
        db.Threads.AsNoTracking().Where(t => t.Id == threadId).ReadableBy(viewer).AnyAsync(cancellationToken);

    /// <summary>A post as pages show it, with its reaction counts (and no viewer's own: it is pushed to whole groups).</summary>
    public async Task<PostView?> GetPostAsync(int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(_postView).SingleOrDefaultAsync(cancellationToken);
        return post is null ? null : (await WithReactionsAsync([post], null, cancellationToken))[0];
    }

    /// <summary>
    /// Posts as the thread page shows them (its byline's author name, the staff badge), for other surfaces that show
    /// posts outside a page (feeds, a thread's meta tags), so they name an author exactly as the page does.
    /// </summary>
    public IQueryable<PostView> AsPostViews(IQueryable<Post> posts) => posts.Select(_postView);

    /// <summary>The posts with their reaction counts and the viewer's own reactions, in two queries for the lot.</summary>
    private async Task<List<PostView>> WithReactionsAsync(List<PostView> posts, string? viewerId, CancellationToken cancellationToken)
    {
        var ids = posts.Select(p => p.Id).ToList();
        var counts = await db.PostReactions.AsNoTracking().Where(r => ids.Contains(r.PostId))
            .GroupBy(r => new { r.PostId, r.Kind }).Select(g => new { g.Key.PostId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var mine = new List<(int PostId, ReactionKind Kind)>();
        if (viewerId is not null && counts.Count > 0)
        {
            var rows = await db.PostReactions.AsNoTracking()
                .Where(r => ids.Contains(r.PostId) && r.UserId == viewerId).Select(r => new { r.PostId, r.Kind })
                .ToListAsync(cancellationToken);
            mine.AddRange(rows.Select(r => (r.PostId, r.Kind)));
        }
        return posts.Select(p => p with
        {
            Reactions = new PostReactionsView(
                counts.Where(c => c.PostId == p.Id).ToDictionary(c => c.Kind, c => c.Count),
                mine.Where(m => m.PostId == p.Id).Select(m => m.Kind).ToHashSet()),
        }).ToList();
    }

    /// <summary>
    /// Posts of a thread with an id above <paramref name="afterPostId"/>, in the order they were saved, as the thread page
    /// shows them to <paramref name="viewer"/>: posts held for review (or hidden before they were ever published) only to
    /// their author and the moderators. Ordered by the id the caller pages with, not by time: asking again after the
    /// last one returned then neither skips nor repeats a post, even where instances whose clocks disagree saved them.
    /// </summary>
    public async Task<IReadOnlyList<PostView>> GetPostsAfterAsync(int threadId, int afterPostId, int limit, Viewer viewer, CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.Id > afterPostId).Where(UnpublishedPosts.ShownOnlyToTheirAuthorAndModerators(viewer))
            .OrderBy(p => p.Id)
            .Take(limit)
            .Select(_postView)
            .ToListAsync(cancellationToken);

    /// <summary>Whether the thread or post was removed for good at its author's wish, so its address answers 410 Gone.</summary>
    public Task<bool> IsGoneAsync(RemovedKind kind, int id, CancellationToken cancellationToken) =>
        db.RemovedContent.AsNoTracking().AnyAsync(r => r.Kind == kind && r.ContentId == id, cancellationToken);

    /// <summary>Whether the post is a stub whose text its author had purged (or never will get back).</summary>
    public Task<bool> IsPurgedAsync(int postId, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking().AnyAsync(p => p.Id == postId && p.State == PostState.DeletedByAuthor && p.Markdown == "", cancellationToken);

    public Task<string?> GetSlugAsync(int threadId, CancellationToken cancellationToken) =>
        db.Threads.AsNoTracking().Where(t => t.Id == threadId).Select(t => t.Slug).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Rows of a topic's threads active after (<paramref name="at"/>, <paramref name="afterThreadId"/>) in (last activity, id)
    /// order, oldest first, for catching a topic page up. Like <see cref="GetThreadRowAsync"/>, which the live push
    /// reads, it leaves hidden threads out for every caller.
    /// </summary>
    public async Task<IReadOnlyList<ThreadListItem>> GetThreadRowsActiveAfterAsync(
        string topicSlug, DateTime at, int afterThreadId, int limit, Viewer viewer, CancellationToken cancellationToken)
    {
        var hidden = false;
        return await db.Threads.AsNoTracking().OpenTo(viewer)
            .Where(t => t.Topic!.Slug == topicSlug && t.IsHidden == hidden
                && t.LastActivityAt >= at && (t.LastActivityAt > at || t.Id > afterThreadId))
            .OrderBy(t => t.LastActivityAt).ThenBy(t => t.Id)
            .Take(limit)
            .ToThreadRowsAsync(db, cancellationToken);
    }

    /// <summary>
    /// The row a topic page shows for a thread, or null when it is hidden. A members-only thread's row says so
    /// (<see cref="ThreadListItem.MembersOnly"/>), and only those who read members-only threads are sent it.
    /// </summary>
    public async Task<ThreadListItem?> GetThreadRowAsync(int threadId, CancellationToken cancellationToken) =>
        (await db.Threads.AsNoTracking().Where(t => t.Id == threadId && !t.IsHidden).ToThreadRowsAsync(db, cancellationToken)).SingleOrDefault();

    private static Expression<Func<Post, PostView>> PostViewQuery(ForumDbContext db)
    {
        var (admin, moderator) = (ForumRoles.Admin, ForumRoles.Moderator);
        return p => new PostView(
            p.Id, p.ThreadId, p.AuthorId, p.Author!.DisplayName, p.Html, p.CreatedAt, p.EditedAt, p.IsOpening, p.State, p.EditedByModerator,
            p.DeletedByAuthorAt,
            !p.AsStaff ? null
            : db.UserRoles.Any(ur => ur.UserId == p.AuthorId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == admin)) ? StaffBadges.Admin
            : db.UserRoles.Any(ur => ur.UserId == p.AuthorId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == moderator)) ? StaffBadges.Moderator
            : null,
            null, p.ContentWarnings, p.ModeratorNote, p.ModeratorNoteUrl, p.NeverPublished, db.TreatmentFollowUps.Any(f => f.PostId == p.Id));
    }
}
