using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Whether a thread is hidden, who started it, and whether it is members-only: who may read a push about one of its posts.
/// AllowsAliases: its topic lets members post under an alias, so no live notice there may name who is writing.
/// </summary>
public sealed record ThreadStanding(bool IsHidden, string AuthorId, bool MembersOnly, bool AllowsAliases);

/// <summary>
/// Who may read a live push, read when it is sent: a thread or post hidden since a page joined must not reach that
/// page, and a moderator demoted since their connection opened must not receive what only staff may read.
/// </summary>
public sealed class LiveAudience(ForumDbContext db, StaffStanding staff)
{
    public Task<ThreadStanding?> ThreadAsync(int threadId, CancellationToken cancellationToken) =>
        db.Threads.AsNoTracking()
            .Where(t => t.Id == threadId)
            .Select(t => new ThreadStanding(t.IsHidden, t.AuthorId, t.Audience == ThreadAudience.Members || t.Topic!.MembersOnly, t.Topic!.AllowAliases))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Whether the member holds a staff role with its privileges active now (<see cref="StaffStanding"/>).</summary>
    public Task<bool> IsActiveStaffAsync(string? userId, CancellationToken cancellationToken) => staff.IsActiveStaffAsync(userId, cancellationToken);

    /// <summary>The members with staff privileges now (<see cref="StaffStanding"/>).</summary>
    public Task<IReadOnlyList<string>> StaffIdsAsync(CancellationToken cancellationToken) => staff.ActiveStaffIdsAsync(cancellationToken);
}
