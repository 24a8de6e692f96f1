using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Makes the notifications of one saved post, from the database: the author starts watching the thread (when they
/// watch automatically); the members it mentions or quotes, the thread's watchers and the topic's watchers each get one
/// notification, the strongest kind that applies (a mention over a quote over a reply). Nothing is made for a post or
/// thread that is no longer public, for the author, for a thread its member muted, or twice for one member and post; and
/// for a members-only thread, nothing for anyone who may not read it.
/// </summary>
public sealed class NotificationFanOut(ForumDbContext db, MentionedMembers mentioned, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>Makes the post's notifications and returns whom they went to.</summary>
    public async Task<IReadOnlyCollection<string>> RunAsync(int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId)
            .Select(p => new SavedPost(p.Id, p.ThreadId, p.Thread!.TopicId, p.AuthorId, p.Author!.AutoWatch, p.Markdown, p.IsOpening,
                p.State == PostState.Visible && !p.Thread.IsHidden, p.Thread.Audience == ThreadAudience.Members || p.Thread.Topic!.MembersOnly))
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await WatchForAuthorAsync(post, now, cancellationToken);
        if (!post.IsPublic)
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }

        var recipients = await RecipientsAsync(post, cancellationToken);
        var already = await db.Notifications.Where(n => n.PostId == post.Id).Select(n => n.RecipientId).ToListAsync(cancellationToken);
        foreach (var recipient in already)
        {
            recipients.Remove(recipient);
        }
        foreach (var (recipient, kind) in recipients)
        {
            db.Notifications.Add(new Notification
            {
                RecipientId = recipient,
                Kind = kind,
                PostId = post.Id,
                ThreadId = post.ThreadId,
                ActorId = post.AuthorId,
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return recipients.Keys;
    }

    /// <summary>Who hears of the post, and as what; the author and those who muted the thread are left out.</summary>
    private async Task<Dictionary<string, NotificationKind>> RecipientsAsync(SavedPost post, CancellationToken cancellationToken)
    {
        var recipients = new Dictionary<string, NotificationKind>();
        var everyReply = post.IsOpening ? NotificationKind.NewThread : NotificationKind.Reply;
        foreach (var member in await db.TopicWatches.Where(w => w.TopicId == post.TopicId).Select(w => w.UserId).ToListAsync(cancellationToken))
        {
            recipients[member] = everyReply;
        }
        var watchers = await db.ThreadWatches.Where(w => w.ThreadId == post.ThreadId && w.Level == WatchLevel.Watching)
            .Select(w => w.UserId).ToListAsync(cancellationToken);
        foreach (var member in watchers)
        {
            recipients[member] = NotificationKind.Reply;
        }
        foreach (var member in await QuotedAuthorsAsync(post, cancellationToken))
        {
            recipients[member] = NotificationKind.Quote;
        }
        foreach (var member in await mentioned.ResolveAsync(post.Markdown, post.AuthorId, options.Value.MentionLimit, cancellationToken))
        {
            recipients[member] = NotificationKind.Mention;
        }

        var muted = await db.ThreadWatches.Where(w => w.ThreadId == post.ThreadId && w.Level == WatchLevel.Muted)
            .Select(w => w.UserId).ToListAsync(cancellationToken);

        // An alias's notices go to the member behind it, and a member writing under an alias hears nothing of their own post.
        var owners = await db.OwnersAsync([.. recipients.Keys, .. muted, post.AuthorId], cancellationToken);
        recipients = ToPeople(recipients, owners);
        foreach (var member in muted.Append(post.AuthorId))
        {
            recipients.Remove(owners.GetValueOrDefault(member, member));
            recipients.Remove(member);
        }
        if (post.MembersOnly && recipients.Count > 0)
        {
            // Only those who may read it hear of a members-only thread (ThreadAccess): a watcher whose address is no
            // longer confirmed, or whose account is gone, is told nothing of it.
            var candidates = recipients.Keys.ToList();
            var readers = await db.Users.AsNoTracking().Where(u => candidates.Contains(u.Id)).ReadingMembersOnly().Select(u => u.Id)
                .ToListAsync(cancellationToken);
            foreach (var member in candidates.Except(readers))
            {
                recipients.Remove(member);
            }
        }
        return recipients;
    }

    /// <summary>The recipients with each alias replaced by its member, who keeps the strongest kind either was to get.</summary>
    private static Dictionary<string, NotificationKind> ToPeople(Dictionary<string, NotificationKind> recipients, Dictionary<string, string> owners)
    {
        if (owners.Count == 0)
        {
            return recipients;
        }
        var people = new Dictionary<string, NotificationKind>();
        foreach (var (recipient, kind) in recipients)
        {
            var person = owners.GetValueOrDefault(recipient, recipient);
            if (!people.TryGetValue(person, out var other) || Strength(kind) > Strength(other))
            {
                people[person] = kind;
            }
        }
        return people;
    }

    private static int Strength(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention => 3,
        NotificationKind.Quote => 2,
        _ => 1,
    };

    private async Task<IReadOnlyList<string>> QuotedAuthorsAsync(SavedPost post, CancellationToken cancellationToken)
    {
        var quoted = Quotes.QuotedPostIds(post.Markdown);
        if (quoted.Count == 0)
        {
            return [];
        }
        return await db.Posts.AsNoTracking()
            .Where(p => quoted.Contains(p.Id) && !p.Author!.IsSystem)
            .Select(p => p.AuthorId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Starting or replying to a thread watches it, unless the member turned that off or chose a level already.</summary>
    private async Task WatchForAuthorAsync(SavedPost post, DateTime now, CancellationToken cancellationToken)
    {
        if (post.AuthorWatchesAutomatically
            && !await db.ThreadWatches.AnyAsync(w => w.UserId == post.AuthorId && w.ThreadId == post.ThreadId, cancellationToken))
        {
            db.ThreadWatches.Add(new ThreadWatch { UserId = post.AuthorId, ThreadId = post.ThreadId, Level = WatchLevel.Watching, ChangedAt = now });
        }
    }

    private sealed record SavedPost(
        int Id, int ThreadId, int TopicId, string AuthorId, bool AuthorWatchesAutomatically, string Markdown, bool IsOpening, bool IsPublic,
        bool MembersOnly);
}
