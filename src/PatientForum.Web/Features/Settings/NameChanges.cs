using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Settings;

/// <summary>
/// Display name changes: at most Forum:Settings:NameChanges in Forum:Settings:NameChangeDays, counted from the
/// member's name history (so the limit survives restarts and holds across instances), and the old name kept for them
/// for Forum:Settings:ReservedNameDays.
/// </summary>
public sealed class NameChanges(ForumDbContext db, UserManager<ForumUser> users, IOptions<SettingsOptions> options, TimeProvider clock)
{
    public int ReservedDays => options.Value.ReservedNameDays;

    /// <summary>How long from now until <paramref name="when"/>, on the forum's clock.</summary>
    public TimeSpan WaitUntil(DateTime when) => when - clock.GetUtcNow().UtcDateTime;

    /// <summary>When the member may change their name again, or null when they may now.</summary>
    public async Task<DateTime?> NextChangeAsync(string memberId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var period = TimeSpan.FromDays(settings.NameChangeDays);
        var since = clock.GetUtcNow().UtcDateTime - period;
        var recent = await db.DisplayNameHistory.AsNoTracking()
            .Where(h => h.UserId == memberId && h.ChangedAt > since)
            .OrderByDescending(h => h.ChangedAt)
            .Select(h => h.ChangedAt)
            .Take(settings.NameChanges)
            .ToListAsync(cancellationToken);

        // With the allowance used, the oldest of those changes leaving the window frees one.
        return recent.Count < settings.NameChanges ? null : recent[^1] + period;
    }

    /// <summary>
    /// Renames the member and reserves their old name, in one save. False when the name was taken meanwhile (the
    /// unique index on the normalized name refused it).
    /// </summary>
    public async Task<bool> ChangeAsync(ForumUser user, string newName, string normalized)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.DisplayNameHistory.Add(new DisplayNameHistory
        {
            UserId = user.Id,
            OldName = user.DisplayName,
            OldNormalized = user.NormalizedDisplayName,
            NewName = newName,
            ChangedAt = now,
            ReservedUntil = now.AddDays(options.Value.ReservedNameDays),
        });
        user.DisplayName = newName;
        user.NormalizedDisplayName = normalized;
        try
        {
            // The user store saves the same context, so the history row and the new name are written together.
            return (await users.UpdateAsync(user)).Succeeded;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
