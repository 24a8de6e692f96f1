using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Data.Seeding;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Checks a password and signs in, doing the same work whatever address a stranger types: one query, one password
/// hash checked, and one failed attempt counted on an account row. A wrong password for a member's address counts on
/// the member's account (which locks at the limit); an unknown address, a system account, or an account Identity
/// turns away before it looks at the password (not confirmed, or locked) has a decoy hash checked and the failure
/// counted on <see cref="SignInDecoy"/>'s row instead. Without that write, an address with an account answered
/// measurably slower than one without (docs/benchmarks.md, "Accounts").
/// </summary>
public sealed class PasswordSignIn(UserManager<ForumUser> users, SignInManager<ForumUser> signIn)
{
    public async Task<SignInResult> SignInAsync(string email, string password, bool rememberMe)
    {
        var (account, decoy) = await FindAsync(email);
        if (account is not null && await signIn.CanSignInAsync(account) && !await users.IsLockedOutAsync(account))
        {
            return await signIn.PasswordSignInAsync(account, password, rememberMe, lockoutOnFailure: true);
        }

        // What a wrong password costs, on a hash and an account that are nobody's. The member's own count is left
        // alone: a locked account stays locked until its time is up, no longer.
        DecoyPassword.Verify(users.PasswordHasher, password);
        await users.AccessFailedAsync(decoy);
        return SignInResult.Failed;
    }

    /// <summary>The account with this address (null for none, or for a system account) and the decoy, in one query.</summary>
    private async Task<(ForumUser? Account, ForumUser Decoy)> FindAsync(string email)
    {
        var address = users.NormalizeEmail(email);
        var decoyName = users.NormalizeName(SignInDecoy.UserName);
        var found = await users.Users
            .Where(u => u.NormalizedEmail == address || u.NormalizedUserName == decoyName)
            .ToListAsync();
        var decoy = found.SingleOrDefault(u => u.NormalizedUserName == decoyName)
            ?? throw new InvalidOperationException($"The account '{SignInDecoy.UserName}' is missing; the forum creates it when it starts.");
        return (found.SingleOrDefault(u => u.NormalizedEmail == address && !u.IsSystem), decoy);
    }
}
