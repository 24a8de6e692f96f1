using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;

namespace PatientForum.Web.Features.Moderation;

public sealed record QueuedFlag(FlagReason Reason, string? Note, string FlaggerName, DateTime CreatedAt);

/// <summary>An account reported for opening members-only threads and profiles faster than a person reads.</summary>
public sealed record ReadingAlertItem(string UserId, string DisplayName, int Reads, DateTime CreatedAt);

public sealed record QueueItem(
    int PostId, int ThreadId, string ThreadTitle, string ThreadSlug, string AuthorId, string AuthorName, string Html, PostState State,
    bool IsOpening, bool IsUrgent, DateTime OldestFlagAt, IReadOnlyList<QueuedFlag> Flags);

/// <summary>A post its author published past a personal-information warning, with the kinds in words (never the text found).</summary>
public sealed record PostedAnywayItem(int PostId, string ThreadTitle, string AuthorId, string AuthorName, DateTime CreatedAt, PostState State, IReadOnlyList<string> Kinds);

/// <summary>Posts with open flags: self-harm concerns first, then the longest-waiting.</summary>
public sealed partial class ReviewQueueReader(ForumDbContext db) : IReviewQueueCount
{
    /// <summary>The newest 100 posts published past a personal-information warning, for moderators to look over.</summary>
    public async Task<IReadOnlyList<PostedAnywayItem>> PostedAnywayAsync(CancellationToken cancellationToken)
    {
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.PostedAnywayKinds != null)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(100)
            .Select(p => new { p.Id, p.Thread!.Title, p.AuthorId, p.Author!.DisplayName, p.CreatedAt, p.State, p.PostedAnywayKinds })
            .ToListAsync(cancellationToken);
        return posts.Select(p => new PostedAnywayItem(p.Id, p.Title, p.AuthorId, p.DisplayName, p.CreatedAt, p.State, KindWords(p.PostedAnywayKinds!))).ToList();
    }

    /// <summary>"PhoneNumber,EmailAddress" as "phone number", "email address".</summary>
    private static List<string> KindWords(string kinds) =>
        kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => WordStart().Replace(k, " $1").Trim().ToLowerInvariant()).ToList();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex WordStart();

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.Flags.AsNoTracking().Where(f => f.IsOpen).Select(f => f.PostId).Distinct().CountAsync(cancellationToken);

    /// <summary>How far back the queue lists bulk-reading reports: enough to see a pattern, short enough to stay a to-do list.</summary>
    public static readonly TimeSpan ReadingAlertsShownFor = TimeSpan.FromDays(7);

    /// <summary>The bulk-reading reports of the last <see cref="ReadingAlertsShownFor"/>, newest first.</summary>
    public async Task<IReadOnlyList<ReadingAlertItem>> ReadingAlertsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var since = now - ReadingAlertsShownFor;
        return await db.ReadingAlerts.AsNoTracking()
            .Where(a => a.CreatedAt >= since)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(50)
            .Select(a => new ReadingAlertItem(a.UserId, a.User!.DisplayName, a.Reads, a.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QueueItem>> ListAsync(int? postId, CancellationToken cancellationToken)
    {
        var items = await db.Posts.AsNoTracking()
            .Where(p => postId == null ? db.Flags.Any(f => f.PostId == p.Id && f.IsOpen) : p.Id == postId)
            .Select(p => new
            {
                p.Id, p.ThreadId, p.Thread!.Title, p.Thread.Slug, p.AuthorId, p.Author!.DisplayName, p.Html, p.State, p.IsOpening,
                Flags = db.Flags.Where(f => f.PostId == p.Id && f.IsOpen).OrderBy(f => f.CreatedAt)
                    .Select(f => new QueuedFlag(f.Reason, f.Note, f.Flagger!.DisplayName, f.CreatedAt)).ToList(),
            })
            .ToListAsync(cancellationToken);

        return items
            .Select(p => new QueueItem(
                p.Id, p.ThreadId, p.Title, p.Slug, p.AuthorId, p.DisplayName, p.Html, p.State, p.IsOpening,
                p.Flags.Any(f => f.Reason == FlagReason.SelfHarm),
                p.Flags.Count > 0 ? p.Flags[0].CreatedAt : DateTime.MaxValue,
                p.Flags))
            .OrderByDescending(i => i.IsUrgent).ThenBy(i => i.OldestFlagAt).ThenBy(i => i.PostId)
            .ToList();
    }
}
