using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.MembersOnly;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// A member's public profile, <c>/u/{name}</c>. Not output-cached: what it lists changes with every post the member
/// writes anywhere and every moderator action on one, and it differs per viewer, so no eviction tag could keep a cached
/// copy from showing a visitor something since hidden. The query is a handful of index lookups.
/// </summary>
public sealed class ProfilesController(ProfileReader reader, ReadingWatch watch) : Controller
{
    /// <summary>
    /// Any spelling of the name that is the same name finds the profile, and redirects (301) to the member's own
    /// spelling. An unknown name is not found; so is a member who has not confirmed their address, except for staff.
    /// A suspended member's profile shows as any other: the suspension is between them and the moderators. Members'
    /// profile reads count towards the bulk-reading watch (<see cref="ReadingWatch"/>).
    /// </summary>
    [HttpGet("/u/{name}")]
    public async Task<IActionResult> Show(string name, CancellationToken cancellationToken)
    {
        if (AliasName.NumberOf(name) is { } alias)
        {
            // An alias's name links here as any author's does; its page is the alias's own.
            return RedirectPermanent(ForumUrls.Alias(alias));
        }
        var viewer = Viewer.From(User);
        var member = await reader.FindAsync(name, cancellationToken);
        if (member is null || (!member.IsPublic && !viewer.IsModerator))
        {
            return NotFound();
        }
        if (!string.Equals(name, member.DisplayName, StringComparison.Ordinal))
        {
            return RedirectPermanent(ForumUrls.Profile(member.DisplayName));
        }
        // A profile lists a member's members-only posts to those who read them: a way to harvest them, so watched too.
        if (viewer.ReadsMembersOnly && await watch.ReadAsync(viewer, cancellationToken) is { } wait)
        {
            return MembersOnlyAnswer.TooFast(this, wait);
        }
        return View(await reader.ReadAsync(member, viewer, cancellationToken));
    }
}
