using Microsoft.EntityFrameworkCore;

namespace PatientForum.Web.Data.Seeding;

/// <summary>
/// The account that raises the forum's own flags: a post held for review by the personal-information rules, or one in
/// which the crisis-language check found self-harm language. A flag names who raised it, and the queue shows this name,
/// so moderators see at once that no member reported the post. Nobody signs in to it and it receives no mail.
/// </summary>
public static class SafetyReporter
{
    /// <summary>Members' user names are their email addresses, which always hold an @; this one cannot be anyone's.</summary>
    public const string UserName = "safety-check";

    public const string DisplayName = "Safety check";

    public static async Task EnsureAsync(ForumDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.UserName == UserName, cancellationToken))
        {
            return;
        }
        db.Users.Add(new ForumUser
        {
            UserName = UserName,
            NormalizedUserName = UserName.ToUpperInvariant(),
            DisplayName = DisplayName,
            NormalizedDisplayName = DisplayName.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = now,
            IsSystem = true,

            // No email and no password: the account exists to raise flags and can never sign in.
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The reporter's id; it exists once the forum has seeded its database at start.</summary>
    public static Task<string> IdAsync(ForumDbContext db, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.UserName == UserName).Select(u => u.Id).SingleAsync(cancellationToken);
}
