using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.MembersOnly;
using PatientForum.Web.Features.Profiles;

namespace PatientForum.Web.Features.Aliases;

/// <summary>
/// An alias's page, <c>/a/{number}</c>: its name, picture and posts (in its one topic), read as a profile is read
/// (<see cref="ProfileReader"/>), so it lists only what the reader may open. Nothing on it names the member behind the
/// alias, and, like a profile, it is never cached.
/// </summary>
public sealed class AliasesController(ForumDbContext db, ProfileReader reader, ReadingWatch watch) : Controller
{
    [HttpGet("/a/{number:int}")]
    public async Task<IActionResult> Show(int number, CancellationToken cancellationToken)
    {
        var alias = await db.MemberAliases.AsNoTracking()
            .Where(a => a.Number == number)
            .Select(a => new ProfileMember(a.AliasUserId, a.AliasUser!.DisplayName, a.CreatedAt, true, null, true))
            .SingleOrDefaultAsync(cancellationToken);
        if (alias is null)
        {
            return NotFound();
        }
        var viewer = Viewer.From(User);
        if (viewer.ReadsMembersOnly && await watch.ReadAsync(viewer, cancellationToken) is { } wait)
        {
            return MembersOnlyAnswer.TooFast(this, wait);
        }
        return View("/Features/Profiles/Views/Profiles/Show.cshtml", await reader.ReadAsync(alias, viewer, cancellationToken));
    }
}
