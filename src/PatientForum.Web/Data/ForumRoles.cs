namespace PatientForum.Web.Data;

/// <summary>The forum's staff roles.</summary>
public static class ForumRoles
{
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Moderator, Admin];
}
