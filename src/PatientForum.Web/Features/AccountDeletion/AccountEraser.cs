using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>What happens to a deleted member's posts.</summary>
public enum DeletionMode
{
    /// <summary>Posts stay for the community under "Former member".</summary>
    Anonymize,

    /// <summary>Posts go too; a thread others replied in keeps a stub in their place.</summary>
    Erase,
}

/// <summary>
/// Deletes a member's account for good, in one transaction: their personal rows purged (<see cref="MemberDataPurge"/>),
/// their name taken out of what stays (<see cref="NameScrub"/>), their posts anonymized or erased, the account row
/// left as a nameless, locked tombstone, and one audit entry that names nobody. Nothing of it can be undone, by the
/// member or by staff.
/// </summary>
public sealed class AccountEraser(
    ForumDbContext db, MemberDataPurge purge, NameScrub scrub, ContentRemoval removal, RemovalBroadcast broadcast, TimeProvider clock)
{
    public async Task DeleteAsync(ForumUser user, DeletionMode mode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = user.DisplayName;
        // Posts under the member's aliases are theirs too: erased with the rest, or left under the alias, unlinked for good.
        var authors = await db.AccountsOfAsync(user.Id, cancellationToken);
        var aliases = authors.Skip(1).ToList();
        var posts = await db.Posts.Include(p => p.Thread).Where(p => authors.Contains(p.AuthorId)).ToListAsync(cancellationToken);
        IReadOnlyList<int> removedThreads = [];
        IReadOnlySet<int> renamedIn;
        IReadOnlyList<int> reactedTo;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Anonymized posts keep their words; their earlier versions and any deletion waiting for its undo go.
            foreach (var post in posts.Where(p => mode == DeletionMode.Erase || p.State == PostState.DeletedByAuthor))
            {
                await removal.PurgeAsync(post, now, cancellationToken);
            }
            await db.PostRevisions.Where(r => authors.Contains(r.Post!.AuthorId)).ExecuteDeleteAsync(cancellationToken);
            await db.ThreadWatches.Where(w => aliases.Contains(w.UserId)).ExecuteDeleteAsync(cancellationToken);
            await db.MemberAliases.Where(a => a.OwnerId == user.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.OwnerId, (string?)null), cancellationToken);
            reactedTo = await purge.PurgeAsync(user, cancellationToken);
            Tombstone(user, now);
            // The actor is the tombstone row, which the log shows as "Former member": nobody's name or address.
            db.ModerationActions.Add(new ModerationAction
            {
                ActorId = user.Id,
                Kind = ModerationKind.DeleteAccount,
                Details = mode == DeletionMode.Erase ? "erase" : "anonymize",
                CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            renamedIn = await scrub.ReplaceAsync(name, cancellationToken);
            if (mode == DeletionMode.Erase)
            {
                removedThreads = await removal.RemoveEmptyThreadsAsync(posts.Select(p => p.ThreadId), now, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        await broadcast.MemberChangedAsync(user.Id, cancellationToken);
        await broadcast.SeenAsync(
            posts.Where(p => !removedThreads.Contains(p.ThreadId)).Select(p => p.Id).Concat(reactedTo),
            removedThreads,
            renamedIn.Concat(posts.Select(p => p.ThreadId)).Except(removedThreads),
            cancellationToken);
    }

    /// <summary>Leaves the row the remaining posts point at, with nothing in it that says who it was.</summary>
    private static void Tombstone(ForumUser user, DateTime now)
    {
        var placeholder = FormerMember.NewNormalizedName();
        user.DisplayName = FormerMember.DisplayName;
        user.NormalizedDisplayName = placeholder;
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;

        // A new stamp ends every session the member had, on every device.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.AccessFailedCount = 0;
        user.SuspendedUntil = null;
        user.SuspensionReason = null;
        user.AutoWatch = false;
        user.ReplyMail = MailFrequency.Never;
        user.MentionMail = false;
        user.ModerationMail = false;
        user.MailIncludesText = false;
        user.LastSummaryMailAt = null;
        user.CreatedAt = now;
        user.DeletedAt = now;
    }
}
