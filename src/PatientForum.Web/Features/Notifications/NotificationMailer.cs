using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Infrastructure;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// Puts notifications in the mail outbox as each member chose: mentions, quotes and moderators' actions at once,
/// replies at once or in a daily or weekly summary, or never. "At once" waits <see cref="NotificationOptions.MailDelayMinutes"/>
/// so that a burst goes out as one mail. Only unread notifications are mailed, only to confirmed members who are not
/// suspended, and each at most once: rows are marked mailed in the same transaction that queues the mail, with a
/// check that no other instance marked them first.
/// </summary>
public sealed partial class NotificationMailer(
    IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationMailer> logger) : BackgroundService
{
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(30);
    private readonly ProgressMark _checked = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new ClockTimer(s_tick, clock);
        do
        {
            try
            {
                await MailDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                LogFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Completes once a pass that read the clock at or after <paramref name="time"/> has finished.</summary>
    public Task WhenCheckedAsync(DateTimeOffset time, CancellationToken cancellationToken) =>
        _checked.WhenReachedAsync(time.UtcTicks, cancellationToken);

    public async Task MailDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<NotificationMail>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var at = now.UtcDateTime;
        var queued = 0;
        foreach (var batch in await DueAsync(db, at, cancellationToken))
        {
            if (await QueueAsync(db, outbox, composer, batch, at, cancellationToken))
            {
                queued++;
            }
        }
        if (queued > 0)
        {
            scope.ServiceProvider.GetRequiredService<MailSignal>().Wake();
        }
        _checked.MoveTo(now.UtcTicks);
    }

    /// <summary>The mails due now: one per member and kind, each with the notifications it carries.</summary>
    private async Task<IReadOnlyList<MailBatch>> DueAsync(ForumDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var settled = now.AddMinutes(-options.Value.MailDelayMinutes);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.MailedAt == null && n.ReadAt == null && n.CreatedAt <= settled)
            .Where(NotificationKinds.StillReadable)
            .Where(n => db.Users.Any(u => u.Id == n.RecipientId && u.EmailConfirmed && u.Email != null && !u.IsSystem
                && (u.SuspendedUntil == null || u.SuspendedUntil < now)
                && ((n.Kind == NotificationKind.Mention || n.Kind == NotificationKind.Quote) && u.MentionMail
                    || (n.Kind == NotificationKind.Reply || n.Kind == NotificationKind.NewThread) && u.ReplyMail != MailFrequency.Never
                    || (n.Kind == NotificationKind.PostHidden || n.Kind == NotificationKind.PostRestored || n.Kind == NotificationKind.PostEditedByModerator
                        || n.Kind == NotificationKind.PostLabelled || n.Kind == NotificationKind.PostLabelRemoved || n.Kind == NotificationKind.AliasRevealed)
                        && u.ModerationMail)))
            .Select(n => new
            {
                Row = new MailedNotification(n.Id, n.Kind, n.Thread!.Title, n.Actor == null ? null : n.Actor.DisplayName, n.Reason, n.Post!.Markdown, n.Post.ContentWarnings),
                n.RecipientId,
                n.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var memberIds = rows.Select(r => r.RecipientId).Distinct().ToList();
        var members = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new MailMember(u.Id, u.Email!, u.ReplyMail, u.MentionMail, u.ModerationMail, u.MailIncludesText, u.LastSummaryMailAt))
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        var batches = new List<MailBatch>();
        foreach (var group in rows.GroupBy(r => (r.RecipientId, Kind: KindOf(r.Row.Kind))))
        {
            var member = members[group.Key.RecipientId];
            var items = group.OrderBy(r => r.Row.Id).Select(r => r.Row).ToList();
            switch (group.Key.Kind)
            {
                case MailKind.Mentions when member.MentionMail:
                case MailKind.Moderation when member.ModerationMail:
                case MailKind.Replies when member.ReplyMail == MailFrequency.Immediately:
                    batches.Add(new MailBatch(member, group.Key.Kind, false, items));
                    break;
                case MailKind.Replies when member.ReplyMail is MailFrequency.Daily or MailFrequency.Weekly:
                    var period = member.ReplyMail == MailFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
                    var since = member.LastSummaryMailAt ?? group.Min(r => r.CreatedAt);
                    if (now - since >= period)
                    {
                        batches.Add(new MailBatch(member, MailKind.Replies, true, items));
                    }
                    break;
            }
        }
        return batches;
    }

    /// <summary>Marks the batch's notifications mailed and queues the mail, in one transaction; false if another instance got there first.</summary>
    private static async Task<bool> QueueAsync(
        ForumDbContext db, EmailOutbox outbox, NotificationMail composer, MailBatch batch, DateTime now, CancellationToken cancellationToken)
    {
        var ids = batch.Items.Select(i => i.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.Notifications.Where(n => ids.Contains(n.Id) && n.MailedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.MailedAt, now), cancellationToken);
        if (marked != ids.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var member = batch.Member;
        outbox.Add(composer.Compose(member.Email, member.Id, batch.Kind, batch.IsSummary, member.MailIncludesText, batch.Items));
        if (batch.IsSummary)
        {
            await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSummaryMailAt, now), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static MailKind KindOf(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention or NotificationKind.Quote => MailKind.Mentions,
        NotificationKind.Reply or NotificationKind.NewThread => MailKind.Replies,
        _ => MailKind.Moderation,
    };

    private sealed record MailMember(
        string Id, string Email, MailFrequency ReplyMail, bool MentionMail, bool ModerationMail, bool MailIncludesText, DateTime? LastSummaryMailAt);

    private sealed record MailBatch(MailMember Member, MailKind Kind, bool IsSummary, IReadOnlyList<MailedNotification> Items);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification mail failed: {ErrorType}")]
    private partial void LogFailed(string errorType);
}
