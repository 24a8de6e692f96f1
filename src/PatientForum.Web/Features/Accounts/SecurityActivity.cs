using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Records what happens to a member's account (sign-ins, new passwords, two-factor changes) for their own security
/// activity page. Kept here, beside sign-in, so that both the sign-in pages and the settings pages can record.
/// Stores the browser family and system only (<see cref="ClientDescription"/>), never an address.
/// </summary>
public sealed class SecurityActivity(ForumDbContext db, TimeProvider clock)
{
    /// <summary>How many of a member's events their page shows, newest first.</summary>
    public const int ListedMax = 100;

    public async Task RecordAsync(string userId, SecurityEventKind kind, string? userAgent, CancellationToken cancellationToken = default)
    {
        db.SecurityEvents.Add(new SecurityEvent
        {
            UserId = userId,
            Kind = kind,
            At = clock.GetUtcNow().UtcDateTime,
            Client = ClientDescription.From(userAgent),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
