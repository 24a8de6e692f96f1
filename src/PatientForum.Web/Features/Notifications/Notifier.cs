using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// What other features tell the notifications: a post is being saved, a moderator acted on a post, a post or thread
/// left the public's view. Everything a reader would be notified of is made later by the <see cref="NotificationWorker"/>,
/// off the request path; only a moderator's notice to an author is made here, in the moderator's own save.
/// </summary>
public sealed class Notifier(
    ForumDbContext db, NotificationSignal signal, INotificationPush push, MentionedMembers mentioned, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The mention limit (<see cref="NotificationOptions.MentionLimit"/>) when <paramref name="markdown"/>, written by
    /// <paramref name="authorId"/>, mentions more members than one post notifies; otherwise null. For the author's page
    /// after posting, which then says that only the first ones were notified.
    /// </summary>
    public async Task<int?> MentionLimitPassedAsync(string markdown, string authorId, CancellationToken cancellationToken)
    {
        var limit = options.Value.MentionLimit;
        var members = await mentioned.ResolveAsync(markdown, authorId, limit + 1, cancellationToken);
        return members.Count > limit ? limit : null;
    }

    /// <summary>Adds the post's notification job to the unit of work that saves the post. Call <see cref="Wake"/> after saving.</summary>
    public void PostSaving(Post post) =>
        db.NotificationJobs.Add(new NotificationJob { Post = post, CreatedAt = clock.GetUtcNow().UtcDateTime });

    /// <summary>Lets the worker start on the jobs just saved rather than at its next poll.</summary>
    public void Wake() => signal.Wake();

    /// <summary>
    /// Adds, to the moderator's unit of work, a notice to the post's author that a moderator hid, restored or edited
    /// their post, with the reason. A second action of the same kind on the post renews the notice.
    /// </summary>
    public async Task ModeratorActedAsync(Post post, NotificationKind kind, string? reason, CancellationToken cancellationToken)
    {
        if (await db.Users.AsNoTracking().AnyAsync(u => u.Id == post.AuthorId && u.IsSystem, cancellationToken))
        {
            return;
        }
        // A post under an alias: the member behind it is told, as the alias cannot sign in.
        var recipient = await db.PersonBehindAsync(post.AuthorId, cancellationToken);
        var notice = await db.Notifications.SingleOrDefaultAsync(
            n => n.RecipientId == recipient && n.PostId == post.Id && n.Kind == kind, cancellationToken);
        if (notice is null)
        {
            notice = new Notification { RecipientId = recipient, PostId = post.Id, ThreadId = post.ThreadId, Kind = kind };
            db.Notifications.Add(notice);
        }
        notice.Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        notice.CreatedAt = clock.GetUtcNow().UtcDateTime;
        notice.ReadAt = null;
    }

    /// <summary>Tells the author's open pages about a notice saved by <see cref="ModeratorActedAsync"/>.</summary>
    public async Task ModeratorActionSavedAsync(Post post, CancellationToken cancellationToken) =>
        await push.NotificationsChangedAsync([await db.PersonBehindAsync(post.AuthorId, cancellationToken)], cancellationToken);

    /// <summary>
    /// <paramref name="actorId"/> reacted to the post: its author's one reaction notice for the post is made, or renewed
    /// and marked unread, naming the latest member to react. Saved here, then the author's open pages are told. Never
    /// mailed: the mailer takes no reaction notices.
    /// </summary>
    public async Task ReactedAsync(int postId, string authorId, int threadId, string actorId, CancellationToken cancellationToken)
    {
        if (await db.Users.AsNoTracking().AnyAsync(u => u.Id == authorId && u.IsSystem, cancellationToken))
        {
            return;
        }
        authorId = await db.PersonBehindAsync(authorId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var renewed = await db.Notifications
            .Where(n => n.RecipientId == authorId && n.PostId == postId && n.Kind == NotificationKind.Reaction)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ActorId, actorId).SetProperty(n => n.CreatedAt, now).SetProperty(n => n.ReadAt, (DateTime?)null), cancellationToken);
        if (renewed == 0)
        {
            db.Notifications.Add(new Notification
            {
                RecipientId = authorId, PostId = postId, ThreadId = threadId, Kind = NotificationKind.Reaction, ActorId = actorId, CreatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another member's reaction made the notice at the same moment; theirs stands, and says as much.
                db.ChangeTracker.Clear();
            }
        }
        await push.NotificationsChangedAsync([authorId], cancellationToken);
    }

    /// <summary>The last reaction to the post was taken back: an unread reaction notice of it has nothing left to tell.</summary>
    public async Task ReactionsGoneAsync(int postId, string authorId, CancellationToken cancellationToken)
    {
        authorId = await db.PersonBehindAsync(authorId, cancellationToken);
        var removed = await db.Notifications
            .Where(n => n.RecipientId == authorId && n.PostId == postId && n.Kind == NotificationKind.Reaction && n.ReadAt == null)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await push.NotificationsChangedAsync([authorId], cancellationToken);
        }
    }

    /// <summary>
    /// A post (or, for an opening post, its whole thread) is no longer public: unread notifications of it are withdrawn,
    /// so nobody is led to, or told the name of, what they may no longer read. The author's moderation notices stay.
    /// </summary>
    public async Task WithdrawAsync(Post post, CancellationToken cancellationToken)
    {
        var unread = db.Notifications.Where(n => n.ReadAt == null).Where(NotificationKinds.AboutReading);
        unread = post.IsOpening ? unread.Where(n => n.ThreadId == post.ThreadId) : unread.Where(n => n.PostId == post.Id);
        var recipients = await unread.Select(n => n.RecipientId).Distinct().ToListAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }
        await unread.ExecuteDeleteAsync(cancellationToken);
        await push.NotificationsChangedAsync(recipients, cancellationToken);
    }
}
