using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace PatientForum.Web.Data;

/// <summary>
/// How an alias (<see cref="MemberAlias"/>) is named and found: "Member 4821", mentioned as <c>@Member-4821</c>. Its
/// normalized name is the hyphenated form, so a mention finds it as mentions find any member. Like
/// <see cref="FormerMember"/>, the shape is reserved: no member may take a name that reads as an alias.
/// </summary>
public static partial class AliasName
{
    /// <summary>The smallest number an alias gets (four digits); more digits are used only once those run short.</summary>
    public const int FirstNumber = 1000;

    public static string DisplayName(int number) => string.Create(CultureInfo.InvariantCulture, $"Member {number}");

    /// <summary>The name as written after an @ (a display name's spaces would end the mention early in a sentence).</summary>
    public static string MentionName(int number) => string.Create(CultureInfo.InvariantCulture, $"Member-{number}");

    /// <summary>The number of an alias's name, in either spelling ("Member 4821", "Member-4821"); null for any other name.</summary>
    public static int? NumberOf(string? name)
    {
        var match = NamePattern().Match(name ?? "");
        return match.Success && int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>
    /// Whether a display name's confusable skeleton reads as an alias's ("member 482l": the skeleton maps 1 to l and
    /// 0 to o), so a member cannot pose as an alias, nor take a name an alias will get.
    /// </summary>
    public static bool IsReserved(string skeleton) => ReservedPattern().IsMatch(skeleton);

    /// <summary>Alias account id to the member behind it, for the ids among <paramref name="userIds"/> that are aliases with a member.</summary>
    public static async Task<Dictionary<string, string>> OwnersAsync(this ForumDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }
        return await db.MemberAliases.AsNoTracking()
            .Where(a => userIds.Contains(a.AliasUserId) && a.OwnerId != null)
            .ToDictionaryAsync(a => a.AliasUserId, a => a.OwnerId!, cancellationToken);
    }

    /// <summary>The member behind <paramref name="userId"/> when it is an alias, otherwise <paramref name="userId"/> itself.</summary>
    public static async Task<string> PersonBehindAsync(this ForumDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.MemberAliases.AsNoTracking().Where(a => a.AliasUserId == userId && a.OwnerId != null).Select(a => a.OwnerId!)
            .SingleOrDefaultAsync(cancellationToken) ?? userId;

    /// <summary>Whether <paramref name="memberId"/> wrote as <paramref name="authorId"/>: it is them, or one of their aliases.</summary>
    public static async Task<bool> WritesAsAsync(this ForumDbContext db, string? memberId, string authorId, CancellationToken cancellationToken) =>
        memberId is not null
        && (memberId == authorId || await db.MemberAliases.AnyAsync(a => a.AliasUserId == authorId && a.OwnerId == memberId, cancellationToken));

    /// <summary>The accounts a member writes under: their own (first) and their aliases'.</summary>
    public static async Task<List<string>> AccountsOfAsync(this ForumDbContext db, string memberId, CancellationToken cancellationToken) =>
        [memberId, .. await db.MemberAliases.AsNoTracking().Where(a => a.OwnerId == memberId).Select(a => a.AliasUserId).ToListAsync(cancellationToken)];

    [GeneratedRegex(@"^Member[ -](?<number>[1-9][0-9]{3,8})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    // As many digits as an alias's name may have (NamePattern): a member called "Member 82384923" could not be reached at
    // their own profile address, which sends alias names to the alias's page.
    [GeneratedRegex(@"^member[ \-_.']*[0-9ol]{4,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReservedPattern();
}
