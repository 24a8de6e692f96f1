using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Aliases;

/// <summary>
/// The alias accounts of the member a request is for, read once per request: a thread page asks of every post whether
/// the viewer wrote it, and the answer for an aliased post is theirs alone to know.
/// </summary>
public sealed class WriterAccounts(ForumDbContext db)
{
    private (string MemberId, HashSet<string> Aliases)? _loaded;

    public async Task<bool> IsAliasOfAsync(string memberId, string authorId)
    {
        if (_loaded?.MemberId != memberId)
        {
            var aliases = await db.MemberAliases.AsNoTracking().Where(a => a.OwnerId == memberId).Select(a => a.AliasUserId).ToListAsync();
            _loaded = (memberId, aliases.ToHashSet(StringComparer.Ordinal));
        }
        return _loaded.Value.Aliases.Contains(authorId);
    }
}
