using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Data.Seeding;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Infrastructure.Html;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// Who a profile address names, as the reader found them.
/// IsPublic: a confirmed member, or an account the forum owns (the guide's author), whose profile anyone may
/// open; an unconfirmed one's is for staff only. IsAlias: an alias's page (<c>/a/{number}</c>), which shows no joining date.
/// </summary>
public sealed record ProfileMember(string Id, string DisplayName, DateTime CreatedAt, bool IsPublic, DateTime? SuspendedUntil, bool IsAlias = false);

/// <summary>
/// The queries behind <c>/u/{name}</c>. Staff read everything, marked where it is hidden; everyone else, the member
/// themself included, reads only visible posts in visible threads (simpler than the thread pages, where an author also
/// sees their own hidden post). Members-only threads, and posts in them, are listed only to those who read them
/// (<see cref="ThreadAccess"/>). Counts are taken over the same posts as the lists, so they never reveal what is hidden.
/// </summary>
public sealed class ProfileReader(ForumDbContext db, ContentWarningCatalog warnings)
{
    /// <summary>How many of the latest threads and replies a profile lists.</summary>
    public const int RecentItems = 20;

    private const int ExcerptLength = 200;

    /// <summary>
    /// The member a name in a profile address names, compared as display names are (<see cref="DisplayNames.Normalize"/>:
    /// case and look-alike letters do not matter). A name still kept under the older upper-case rule is found too,
    /// and an exact match wins over a look-alike.
    /// </summary>
    public async Task<ProfileMember?> FindAsync(string? name, CancellationToken cancellationToken)
    {
        var cleaned = DisplayNames.Clean(name);
        if (cleaned.Length == 0 || cleaned.Length > 4 * DisplayNames.MaxLength)
        {
            return null;
        }
        var (skeleton, upper) = (DisplayNames.Normalize(cleaned), cleaned.ToUpperInvariant());
        var found = await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedDisplayName == skeleton || u.NormalizedDisplayName == upper) && u.DeletedAt == null)

            // Of the forum's own accounts only the guide's author writes; the sign-in decoy has no page.
            .Where(u => !u.IsSystem || u.UserName == ForumSeeder.GuideAuthorUserName)
            .Select(u => new { u.Id, u.DisplayName, u.NormalizedDisplayName, u.CreatedAt, u.EmailConfirmed, u.IsSystem, u.SuspendedUntil })
            .ToListAsync(cancellationToken);
        var member = found.FirstOrDefault(u => string.Equals(u.DisplayName, cleaned, StringComparison.OrdinalIgnoreCase))
            ?? found.FirstOrDefault(u => u.NormalizedDisplayName == skeleton);
        return member is null
            ? null
            : new ProfileMember(member.Id, member.DisplayName, member.CreatedAt, member.EmailConfirmed || member.IsSystem, member.SuspendedUntil);
    }

    public async Task<ProfilePage> ReadAsync(ProfileMember member, Viewer viewer, CancellationToken cancellationToken)
    {
        var staff = viewer.IsModerator;
        var threads = db.Threads.AsNoTracking().Where(t => t.AuthorId == member.Id).OpenTo(viewer);
        var posts = db.Posts.AsNoTracking().Where(p => p.AuthorId == member.Id).InThreadsOpenTo(viewer);
        if (!staff)
        {
            // Compared with parameters, as the thread pages do, so the database can use its indexes.
            var (hidden, visible) = (false, PostState.Visible);
            threads = threads.Where(t => t.IsHidden == hidden);
            posts = posts.Where(p => p.State == visible && p.Thread!.IsHidden == hidden);
        }
        var replies = posts.Where(p => !p.IsOpening);
        var postIds = posts.Select(p => p.Id);
        var stats = new ProfileStats(
            await threads.CountAsync(cancellationToken),
            await replies.CountAsync(cancellationToken),
            await db.PostReactions.AsNoTracking().CountAsync(r => postIds.Contains(r.PostId), cancellationToken));
        var recentThreads = await threads
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Take(RecentItems)
            .Select(t => new ProfileThread(t.Id, t.Title, t.Slug, t.Topic!.Slug, t.Topic.Name, t.CreatedAt, t.ReplyCount, t.IsHidden))
            .ToListAsync(cancellationToken);
        var recentReplies = (await replies
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(RecentItems)
            .Select(p => new { p.Id, p.Thread!.Title, p.CreatedAt, p.Html, p.State, p.Thread.IsHidden, p.ContentWarnings })
            .ToListAsync(cancellationToken))
            .Select(p => new ProfileReply(p.Id, p.Title, p.CreatedAt, PostExcerpts.ExcerptOr(warnings, p.ContentWarnings, () => PlainText.Excerpt(p.Html, ExcerptLength)), p.State, p.IsHidden))
            .ToList();

        var isSelf = viewer.UserId == member.Id;
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == member.Id, cancellationToken);
        ProfileSection? about = null, conditions = null;
        if (profile is not null)
        {
            if (profile.AboutHtml.Length > 0 && MayRead(profile.AboutVisibility, viewer, isSelf))
            {
                about = new ProfileSection(profile.AboutHtml, [], profile.AboutVisibility);
            }
            if (profile.Conditions.Length > 0 && MayRead(profile.ConditionsVisibility, viewer, isSelf))
            {
                conditions = new ProfileSection(null, ProfileRules.Lines(profile.Conditions), profile.ConditionsVisibility);
            }
        }
        var notes = staff ? new StaffNotes(member.Id, !member.IsPublic, member.SuspendedUntil) : null;
        // An alias's page says nothing of when anyone joined: the alias is not a member, and a date could help tie it to one.
        return new ProfilePage(member.DisplayName, member.IsAlias ? null : member.CreatedAt, isSelf, stats, about, conditions, recentThreads, recentReplies, notes);
    }

    /// <summary>
    /// Whether the viewer may read a part of the profile shown to <paramref name="visibility"/>. "Nobody" means the
    /// member alone, staff included: what nobody else reads harms nobody, and it may be what the member has told no one.
    /// </summary>
    public static bool MayRead(ProfileVisibility visibility, Viewer viewer, bool isSelf) => isSelf || visibility switch
    {
        ProfileVisibility.Public => true,
        ProfileVisibility.Members => viewer.UserId is not null,
        _ => false,
    };
}
