using Microsoft.AspNetCore.Identity;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Refuses passwords from the common-passwords list shipped with the app (Data/common-passwords.txt), and
/// passwords that are the member's own email address or display name.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<ForumUser>
{
    private static readonly Lazy<HashSet<string>> s_common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ForumUser> manager, ForumUser user, string? password)
    {
        var candidate = (password ?? "").Trim();
        if (s_common.Value.Contains(candidate))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "That password is on a list of passwords people use most often. Choose another, for example a few unrelated words.",
            }));
        }
        if (string.Equals(candidate, user.Email, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate, user.DisplayName, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordIsIdentity",
                Description = "Your password cannot be your email address or display name.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "common-passwords.txt");
        return File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
