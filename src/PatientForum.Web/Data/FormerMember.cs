namespace PatientForum.Web.Data;

/// <summary>
/// How a deleted account is shown: "Former member", with no link. Every such account keeps a normalized name of its own
/// (display names are unique), made so that no member can register it, and nobody can register the shown name either.
/// </summary>
public static class FormerMember
{
    public const string DisplayName = "Former member";

    /// <summary>The unique normalized name of a deleted account; lower case, which normalized names never are.</summary>
    public static string NewNormalizedName() => "former-member-" + Guid.NewGuid().ToString("N")[..24];

    public static bool IsShownAs(string? displayName) => string.Equals(displayName, DisplayName, StringComparison.Ordinal);
}
