using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Whether a display name (or a look-alike) belongs to someone: a member who has it now, or one who gave it up
/// recently and so still holds it (<see cref="DisplayNameHistory.ReservedUntil"/>). Registration and renaming both ask.
/// </summary>
public sealed class TakenNames(ForumDbContext db, TimeProvider clock)
{
    public const string TakenMessage = "That display name is taken, or one that looks just like it is. Choose another.";

    /// <param name="normalized">The name's skeleton, from <see cref="DisplayNames.Normalize"/>.</param>
    /// <param name="memberId">The member asking, whose own current and reserved names are theirs to take; null when registering.</param>
    /// <param name="cancellationToken">Ends the lookups.</param>
    public async Task<bool> IsTakenAsync(string normalized, string? memberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Users.AnyAsync(u => u.NormalizedDisplayName == normalized && u.Id != memberId, cancellationToken)
            || await db.DisplayNameHistory.AnyAsync(h => h.OldNormalized == normalized && h.ReservedUntil > now && h.UserId != memberId, cancellationToken);
    }
}
