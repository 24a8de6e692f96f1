using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Html;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Data.Seeding;

/// <summary>
/// Brings the database in line with seed/: topics, roles, the guide's system author, the sign-in decoy
/// (<see cref="SignInDecoy"/>) and one pinned thread per guide part. Safe to run at every start: unchanged files
/// change nothing. A guide thread is pinned and put in its topic only when first seeded; after that a moderator's
/// unpin or move stands, and later starts update only what the seed file owns: the title, the text and the part's
/// place in the guide.
/// </summary>
public sealed partial class ForumSeeder(
    ForumDbContext db,
    RoleManager<IdentityRole> roles,
    IPostRenderer renderer,
    ForumPaths paths,
    PageCache pageCache,
    TimeProvider clock,
    ILogger<ForumSeeder> logger)
{
    public const string GuideAuthorUserName = "guide-author";
    public const string GuideAuthorDisplayName = "The guide’s author";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();
        var topics = await UpsertTopicsAsync(SeedFiles.ReadTopics(paths.SeedDirectory), cancellationToken);
        await TreatmentSeeder.UpsertAsync(db, TreatmentSeeder.Read(paths.SeedDirectory), cancellationToken);
        var author = await EnsureGuideAuthorAsync(cancellationToken);
        await SignInDecoy.EnsureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await SafetyReporter.EnsureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await SyncGuideAsync(SeedFiles.ReadGuide(paths.SeedDirectory), topics, author, cancellationToken);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in ForumRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task<Dictionary<string, Topic>> UpsertTopicsAsync(IReadOnlyList<SeedTopic> seedTopics, CancellationToken cancellationToken)
    {
        var existing = await db.Topics.ToDictionaryAsync(t => t.Slug, cancellationToken);
        // A slug an admin changed still names its topic, so a seed file that keeps the old one adds no second topic.
        foreach (var former in await db.TopicSlugRedirects.Include(r => r.Topic).ToListAsync(cancellationToken))
        {
            existing.TryAdd(former.Slug, former.Topic!);
        }
        var audienceChanged = new List<int>();
        foreach (var seed in seedTopics)
        {
            if (!existing.TryGetValue(seed.Slug, out var topic))
            {
                topic = new Topic { Slug = seed.Slug, Name = seed.Name };
                db.Topics.Add(topic);
                existing[seed.Slug] = topic;
            }
            else if (topic.MembersOnly != seed.MembersOnly)
            {
                audienceChanged.Add(topic.Id);
            }
            topic.MembersOnly = seed.MembersOnly;
            if (topic.ChangedByAdmin)
            {
                continue;
            }
            topic.Name = seed.Name;
            topic.Description = seed.Description;
            topic.SortOrder = seed.Order;
            topic.AllowAliases = seed.AllowAliases;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (audienceChanged.Count > 0)
        {
            // A shared page cache (Redis) may hold the topic's threads and lists as they were for visitors before.
            await pageCache.ListsChangedAsync(cancellationToken);

            // Their stories count for visitors now, or no longer: without tallies, the treatments' charts are counted
            // again from scratch once the forum has started (Features/Treatments/TreatmentTallyRepair).
            await db.TreatmentTallies.Where(t => db.Threads.Any(h => h.Id == t.ThreadId && audienceChanged.Contains(h.TopicId)))
                .ExecuteDeleteAsync(cancellationToken);
            foreach (var threadId in await db.Threads.Where(t => audienceChanged.Contains(t.TopicId)).Select(t => t.Id).ToListAsync(cancellationToken))
            {
                await pageCache.ThreadChangedAsync(threadId, cancellationToken);
            }
        }
        return existing;
    }

    private async Task<ForumUser> EnsureGuideAuthorAsync(CancellationToken cancellationToken)
    {
        var author = await db.Users.SingleOrDefaultAsync(u => u.UserName == GuideAuthorUserName, cancellationToken);
        if (author is not null)
        {
            return author;
        }
        author = new ForumUser
        {
            UserName = GuideAuthorUserName,
            NormalizedUserName = GuideAuthorUserName.ToUpperInvariant(),
            DisplayName = GuideAuthorDisplayName,
            NormalizedDisplayName = GuideAuthorDisplayName.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            IsSystem = true,

            // No email and no password: the account exists to author the guide and can never sign in.
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        };
        db.Users.Add(author);
        await db.SaveChangesAsync(cancellationToken);
        return author;
    }

    private async Task SyncGuideAsync(IReadOnlyList<GuidePart> parts, Dictionary<string, Topic> topics, ForumUser author, CancellationToken cancellationToken)
    {
        var threads = await db.Threads
            .Where(t => t.SeedKey != null)
            .Include(t => t.Posts.Where(p => p.IsOpening))
            .ToDictionaryAsync(t => t.SeedKey!, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var part in parts)
        {
            if (!topics.TryGetValue(part.TopicSlug, out var topic))
            {
                throw new InvalidDataException($"Guide part '{part.Slug}' names topic '{part.TopicSlug}', which topics.json does not list.");
            }
            if (!threads.TryGetValue(part.Slug, out var thread))
            {
                CreateThread(part, topic, author, now);
                LogCreated(part.Slug);
            }
            else if (thread.SeedHash != part.Hash)
            {
                UpdateThread(thread, part, author, now);
                LogUpdated(part.Slug);
            }
        }

        var wanted = parts.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in threads.Values.Where(t => !wanted.Contains(t.SeedKey!)))
        {
            RetireThread(orphan);
        }
        var changed = db.ChangeTracker.Entries<ForumThread>().Where(e => e.State != EntityState.Unchanged).Select(e => e.Entity.Id).ToList();
        await db.SaveChangesAsync(cancellationToken);

        // With a shared page cache (Redis), pages cached before this start would otherwise outlive the change.
        if (changed.Count > 0)
        {
            await pageCache.ListsChangedAsync(cancellationToken);
            foreach (var threadId in changed.Where(id => id > 0))
            {
                await pageCache.ThreadChangedAsync(threadId, cancellationToken);
            }
        }
    }

    private void CreateThread(GuidePart part, Topic topic, ForumUser author, DateTime now)
    {
        var thread = new ForumThread
        {
            Topic = topic,
            Title = part.Title,
            Slug = Infrastructure.Text.Slug.From(part.Title),
            AuthorId = author.Id,
            CreatedAt = now,
            LastActivityAt = now,
            IsPinned = true,
            PinOrder = part.Order,
            SeedKey = part.Slug,
            SeedHash = part.Hash,
        };
        thread.Posts.Add(new Post
        {
            AuthorId = author.Id,
            Markdown = part.Markdown,
            Html = renderer.Render(part.Markdown),
            CreatedAt = now,
            IsOpening = true,
        });
        db.Threads.Add(thread);
    }

    private void UpdateThread(ForumThread thread, GuidePart part, ForumUser author, DateTime now)
    {
        thread.Title = part.Title;
        thread.Slug = Infrastructure.Text.Slug.From(part.Title);
        thread.PinOrder = part.Order;
        thread.SeedHash = part.Hash;

        var opening = thread.Posts.Single();
        if (opening.Markdown != part.Markdown)
        {
            opening.Revisions.Add(new PostRevision { Markdown = opening.Markdown, Html = opening.Html, ReplacedAt = now, EditorId = author.Id });
            opening.Markdown = part.Markdown;
            opening.Html = renderer.Render(part.Markdown);
            opening.EditedAt = now;
        }
    }

    /// <summary>A removed seed file takes its thread with it only when nobody has replied; a conversation is never deleted.</summary>
    private void RetireThread(ForumThread thread)
    {
        if (thread.ReplyCount == 0)
        {
            db.Threads.Remove(thread);
            LogRemoved(thread.SeedKey!);
        }
        else if (thread.IsPinned)
        {
            thread.IsPinned = false;
            LogUnpinned(thread.SeedKey!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guide part {Slug} seeded as a new pinned thread")]
    private partial void LogCreated(string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guide part {Slug} updated from its seed file")]
    private partial void LogUpdated(string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guide part {Slug} has no seed file and no replies: thread removed")]
    private partial void LogRemoved(string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guide part {Slug} has no seed file but has replies: thread kept and unpinned")]
    private partial void LogUnpinned(string slug);
}
