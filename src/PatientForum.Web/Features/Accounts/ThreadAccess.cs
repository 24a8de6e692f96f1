using System.Linq.Expressions;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// The one rule of who may read a thread, as filters on the queries that list or open threads and posts: a hidden
/// thread is for staff and its author; a members-only thread (its own audience, or its topic's) is for
/// <see cref="Viewer.ReadsMembersOnly"/>. Every surface (pages, search, profiles, live pushes, notifications) reads
/// through these, so they cannot disagree.
/// </summary>
public static class ThreadAccess
{
    /// <summary>Whether the thread is members-only, by its own audience or its topic's.</summary>
    public static readonly Expression<Func<ForumThread, bool>> IsMembersOnly =
        t => t.Audience == ThreadAudience.Members || t.Topic!.MembersOnly;

    /// <summary>Threads whose audience includes the viewer (hidden or not: see <see cref="ReadableBy(IQueryable{ForumThread}, Viewer)"/>).</summary>
    public static IQueryable<ForumThread> OpenTo(this IQueryable<ForumThread> threads, Viewer viewer)
    {
        if (viewer.ReadsMembersOnly)
        {
            return threads;
        }
        // Compared with parameters, as the other visibility filters are, so SQLite looks them up in its indexes.
        var (audience, membersOnly) = (ThreadAudience.Public, false);
        return threads.Where(t => t.Audience == audience && t.Topic!.MembersOnly == membersOnly);
    }

    /// <summary>
    /// The threads of one topic whose audience includes the viewer, for a topic page that has read its topic already:
    /// none of a members-only topic's for those who do not read members-only threads, and only public ones otherwise.
    /// </summary>
    public static IQueryable<ForumThread> OpenToInTopic(this IQueryable<ForumThread> threads, Viewer viewer, bool topicMembersOnly)
    {
        if (viewer.ReadsMembersOnly)
        {
            return threads;
        }
        if (topicMembersOnly)
        {
            return threads.Where(t => false);
        }
        var audience = ThreadAudience.Public;
        return threads.Where(t => t.Audience == audience);
    }

    /// <summary>Threads the viewer may open: not hidden from them, and in their audience.</summary>
    public static IQueryable<ForumThread> ReadableBy(this IQueryable<ForumThread> threads, Viewer viewer) =>
        threads.Where(t => !t.IsHidden || viewer.IsModerator || t.AuthorId == viewer.UserId).OpenTo(viewer);

    /// <summary>Posts in threads whose audience includes the viewer (each post's own visibility is the caller's to filter).</summary>
    public static IQueryable<Post> InThreadsOpenTo(this IQueryable<Post> posts, Viewer viewer)
    {
        if (viewer.ReadsMembersOnly)
        {
            return posts;
        }
        var (audience, membersOnly) = (ThreadAudience.Public, false);
        return posts.Where(p => p.Thread!.Audience == audience && p.Thread.Topic!.MembersOnly == membersOnly);
    }

    /// <summary>
    /// Accounts that may read members-only threads, for what is sent to members rather than shown to a viewer
    /// (notifications, mail): confirmed, in use, and not one of the forum's own accounts.
    /// </summary>
    public static IQueryable<ForumUser> ReadingMembersOnly(this IQueryable<ForumUser> users) =>
        users.Where(u => u.EmailConfirmed && u.DeletedAt == null && !u.IsSystem);
}
