using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Live;

namespace PatientForum.Web.Features.Moderation;

/// <summary>
/// A moderator adds or removes a post's content warnings: audited in the same save, then pushed live. The ones a
/// moderator added are kept apart (<see cref="Post.ModeratorContentWarnings"/>), so that its author cannot untick them.
/// </summary>
public sealed class ContentWarningModeration(ForumDbContext db, ContentWarningCatalog catalog, ModerationService moderation, ForumChanges changes)
{
    /// <summary>Sets the post's warnings to <paramref name="chosen"/>; false when there is no such post.</summary>
    public async Task<bool> SetAsync(int postId, string actorId, IEnumerable<string> chosen, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return false;
        }
        var warnings = catalog.Normalize(chosen);
        if (warnings == post.ContentWarnings)
        {
            return true;
        }
        // The warnings a moderator adds are theirs: the author's edit keeps them. One the author had chosen stays the author's.
        var added = ContentWarningCatalog.Keys(warnings).Except(ContentWarningCatalog.Keys(post.ContentWarnings));
        var kept = ContentWarningCatalog.Keys(post.ModeratorContentWarnings).Intersect(ContentWarningCatalog.Keys(warnings));
        post.ModeratorContentWarnings = catalog.Normalize(kept.Concat(added));
        post.ContentWarnings = warnings;
        var details = warnings is null ? "no content warnings" : string.Join(", ", catalog.Labels(warnings));
        moderation.Audit(ModerationKind.SetContentWarnings, actorId, null, post.Id, post.ThreadId, post.AuthorId, details);
        await db.SaveChangesAsync(cancellationToken);
        await changes.PostUpdatedAsync(post.Id, cancellationToken);
        return true;
    }
}
