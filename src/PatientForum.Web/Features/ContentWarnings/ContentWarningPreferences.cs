using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>
/// Which warnings a reader always sees open. A page puts the set in its view data under <see cref="ShownKey"/> for
/// _Post to read; a live fragment has no such entry, so a pushed post is always collapsed (it goes to a whole group).
/// </summary>
public sealed class ContentWarningPreferences(ForumDbContext db)
{
    public const string ShownKey = "ContentWarningsShown";

    /// <summary>The keys the signed-in reader always shows; empty for a visitor.</summary>
    public async Task<IReadOnlySet<string>> ShownAsync(ClaimsPrincipal reader, CancellationToken cancellationToken = default)
    {
        if (reader.Identity?.IsAuthenticated != true || reader.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return new HashSet<string>();
        }
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.ShownContentWarnings).SingleOrDefaultAsync(cancellationToken);
        return ContentWarningCatalog.Keys(stored).ToHashSet(StringComparer.Ordinal);
    }
}
