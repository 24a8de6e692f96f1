using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// The members a text names with <c>@DisplayName</c> (see <see cref="Mentions"/>), in order of appearance: for the
/// fan-out, which notifies them, and for the author's page after posting, which says when some were not.
/// </summary>
public sealed class MentionedMembers(ForumDbContext db)
{
    /// <summary>
    /// The ids of the confirmed members <paramref name="markdown"/> mentions, each once, at most <paramref name="limit"/>.
    /// The author is left out before counting, so naming yourself takes nobody's place.
    /// </summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(string markdown, string authorId, int limit, CancellationToken cancellationToken)
    {
        var candidates = Mentions.Candidates(markdown);
        if (candidates.Count == 0)
        {
            return [];
        }
        var names = candidates.SelectMany(c => c).Distinct().ToList();
        var known = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.NormalizedDisplayName) && !u.IsSystem && u.EmailConfirmed && u.Id != authorId)
            .Select(u => new { u.NormalizedDisplayName, u.Id })
            .ToDictionaryAsync(u => u.NormalizedDisplayName, u => u.Id, cancellationToken);
        return Mentions.Resolve(candidates, known, limit);
    }
}
