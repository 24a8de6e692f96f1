using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// Members' drafts: one per member and composer, saved as they type and found again on any device. Whether the member
/// may write in that composer at all is the caller's to check; this only ever touches the member's own rows. Nothing
/// here logs, caches or pushes a draft's text.
/// </summary>
public sealed class DraftStore(ForumDbContext db, TimeProvider clock)
{
    /// <summary>The signed-in member's draft for a composer, or null.</summary>
    public async Task<Draft?> FindAsync(ClaimsPrincipal member, DraftKind kind, int targetId, CancellationToken cancellationToken = default) =>
        Viewer.From(member).UserId is { } userId
            ? await db.Drafts.AsNoTracking().SingleOrDefaultAsync(Key(userId, kind, targetId), cancellationToken)
            : null;

    /// <summary>
    /// What would keep <paramref name="text"/> from being saved as a draft: only what is more than a post may hold.
    /// A draft may be short or empty, since it is not finished.
    /// </summary>
    public static IReadOnlyList<PostProblem> Problems(PostText text)
    {
        var problems = new List<PostProblem>();
        if (text.Title is { Length: > 0 } title && PostRules.TitleOverLimit(title) is { } titleProblem)
        {
            problems.Add(new(nameof(PostText.Title), titleProblem));
        }
        if (PostRules.BodyOverLimit(text.Body) is { } bodyProblem)
        {
            problems.Add(new(nameof(PostText.Body), bodyProblem));
        }
        return problems;
    }

    /// <summary>The composer's fields as a draft keeps them: cleaned as posting would clean them.</summary>
    public static PostText Clean(string? title, string? body, DraftKind kind) =>
        new(kind == DraftKind.NewThread ? ForumText.Line(title) : null, ForumText.Body(body));

    /// <summary>
    /// Saves the member's draft (the text must have no <see cref="Problems"/>) with the content warnings ticked
    /// (<paramref name="contentWarnings"/>, stored as a post stores them) and returns when; an empty composer removes
    /// the draft instead and returns null.
    /// </summary>
    public async Task<DateTime?> SaveAsync(
        string userId, DraftKind kind, int targetId, PostText text, CancellationToken cancellationToken, string? contentWarnings = null)
    {
        if (text.Body.Length == 0 && string.IsNullOrEmpty(text.Title))
        {
            await DeleteAsync(userId, kind, targetId, cancellationToken);
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (await UpdateAsync(userId, kind, targetId, text, contentWarnings, now, cancellationToken) > 0)
        {
            return now;
        }
        db.Drafts.Add(new Draft
        {
            UserId = userId, Kind = kind, TargetId = targetId, Title = text.Title, Body = text.Body, ContentWarnings = contentWarnings, UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab or device made the row between our update and insert: theirs is older, so write over it.
            db.ChangeTracker.Clear();
            await UpdateAsync(userId, kind, targetId, text, contentWarnings, now, cancellationToken);
        }
        return now;
    }

    public Task<int> DeleteAsync(string userId, DraftKind kind, int targetId, CancellationToken cancellationToken) =>
        db.Drafts.Where(Key(userId, kind, targetId)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Removes the signed-in member's draft for a composer, once its post is saved.</summary>
    public async Task DeleteAsync(ClaimsPrincipal member, DraftKind kind, int targetId, CancellationToken cancellationToken)
    {
        if (Viewer.From(member).UserId is { } userId)
        {
            await DeleteAsync(userId, kind, targetId, cancellationToken);
        }
    }

    /// <summary>Removes every draft last saved before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> DeleteOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) =>
        db.Drafts.Where(d => d.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);

    /// <summary>How a draft's time reads in its note: hours and minutes, in UTC as every time on the forum is.</summary>
    public static string TimeText(DateTime savedAt) => savedAt.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private Task<int> UpdateAsync(
        string userId, DraftKind kind, int targetId, PostText text, string? contentWarnings, DateTime now, CancellationToken cancellationToken) =>
        db.Drafts.Where(Key(userId, kind, targetId)).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Title, text.Title).SetProperty(d => d.Body, text.Body)
                .SetProperty(d => d.ContentWarnings, contentWarnings).SetProperty(d => d.UpdatedAt, now),
            cancellationToken);

    private static Expression<Func<Draft, bool>> Key(string userId, DraftKind kind, int targetId) =>
        d => d.UserId == userId && d.Kind == kind && d.TargetId == targetId;
}
