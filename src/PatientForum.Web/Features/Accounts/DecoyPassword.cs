using Microsoft.AspNetCore.Identity;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// A password hash that belongs to no account, checked when a sign-in names an address without one (or an account
/// that is refused before its password is looked at), so that the answer takes as long as for a real account.
/// </summary>
public static class DecoyPassword
{
    private static readonly ForumUser s_nobody = new() { DisplayName = "", NormalizedDisplayName = "" };
    private static string? s_hash;

    public static void Verify(IPasswordHasher<ForumUser> hasher, string password)
    {
        // Made with the forum's own hasher and its settings, so the work matches a real account's hash.
        var hash = s_hash ??= hasher.HashPassword(s_nobody, Guid.NewGuid().ToString());
        _ = hasher.VerifyHashedPassword(s_nobody, hash, password);
    }
}
