using Microsoft.EntityFrameworkCore;

namespace PatientForum.Web.Data.Seeding;

/// <summary>
/// An account that nobody signs in to, on which a failed sign-in counts its failure when no member's account takes
/// it: an address without an account, or an account turned away before its password is looked at (not confirmed,
/// locked). A wrong password for a member's address writes the member's failed-attempt count; every other failure
/// writes this row the same way, so every failed sign-in costs one such write and the time an answer takes does not
/// tell a stranger whether the address has an account.
/// </summary>
public static class SignInDecoy
{
    /// <summary>Members' user names are their email addresses, which always hold an @; this one cannot be anyone's.</summary>
    public const string UserName = "sign-in-decoy";

    /// <summary>
    /// Identity checks that an account's address is well formed and its own before it saves the account, so the decoy
    /// has one: on a reserved domain that receives no mail (RFC 2606), and confirmed, so no form ever writes to it.
    /// </summary>
    public const string Email = "sign-in-decoy@patientforum.invalid";

    public const string DisplayName = "Sign-in decoy";

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
            Email = Email,
            NormalizedEmail = Email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = DisplayName,
            NormalizedDisplayName = DisplayName.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = now,
            IsSystem = true,

            // No password: nothing signs in to it (and sign-in treats system accounts as unknown addresses). Lockout on,
            // as for members, so that counting a failure on it writes what a member's count does.
            LockoutEnabled = true,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
