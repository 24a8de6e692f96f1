using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Notifications;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// The content warnings a post is saved with: those its author ticked, and those of every post it quotes
/// (<see cref="Quotes"/>). A quote of a warned post is the same hard content, so it is folded behind the same warning,
/// whether the author ticked it or not, and whether the quote came from the Quote button or was typed.
/// </summary>
public sealed class QuotedWarnings(ForumDbContext db, ContentWarningCatalog catalog)
{
    /// <summary>The stored form of the warnings for <paramref name="body"/>, given the keys <paramref name="chosen"/>.</summary>
    public async Task<string?> ForAsync(IEnumerable<string> chosen, string? body, CancellationToken cancellationToken)
    {
        var quoted = Quotes.QuotedPostIds(body ?? "");
        if (quoted.Count == 0)
        {
            return catalog.Normalize(chosen);
        }
        // Only posts every reader of their thread sees: a hidden post's warnings are not for the quoting member to learn.
        var (visible, hidden) = (PostState.Visible, false);
        var theirs = await db.Posts.AsNoTracking()
            .Where(p => quoted.Contains(p.Id) && p.State == visible && p.Thread!.IsHidden == hidden && p.ContentWarnings != null)
            .Select(p => p.ContentWarnings)
            .ToListAsync(cancellationToken);
        return catalog.Normalize(chosen.Concat(theirs.SelectMany(ContentWarningCatalog.Keys)));
    }
}
