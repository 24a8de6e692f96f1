using System.Linq.Expressions;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Threads;

/// <summary>
/// Posts the public never saw: one held for review, or one a moderator hid before it was ever published. They are not
/// there at all (not even as a "hidden" notice) for anyone but their author and the moderators, on the thread page
/// and in a live catch-up alike.
/// </summary>
public static class UnpublishedPosts
{
    public static Expression<Func<Post, bool>> ShownOnlyToTheirAuthorAndModerators(Viewer viewer)
    {
        var (userId, isModerator) = (viewer.UserId, viewer.IsModerator);
        return p => (p.State != PostState.Held && !p.NeverPublished) || isModerator || p.AuthorId == userId;
    }
}
