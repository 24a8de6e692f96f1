namespace PatientForum.Web.Features.Feeds;

/// <summary>
/// One entry of a feed: a thread (site and topic feeds) or a post (thread and profile feeds). <paramref name="Url"/> is
/// absolute and doubles as the entry's id; <paramref name="Excerpt"/> is plain text (<see cref="Safety.PublicExcerpt"/>),
/// empty where the post is not shown. <paramref name="AuthorId"/> tags the cached feed, never written into it.
/// </summary>
public sealed record FeedEntry(
    string Title, string Url, string AuthorName, string AuthorId, string Excerpt, DateTime Published, DateTime Updated);

/// <summary>
/// A feed before it is written as RSS or Atom: its title and description, the page it stands for (absolute), and its
/// entries, newest first. <paramref name="Since"/> is its updated time when it has no entries.
/// </summary>
public sealed record FeedContent(string Title, string Description, string PageUrl, IReadOnlyList<FeedEntry> Entries, DateTime Since)
{
    /// <summary>When the feed last changed as its entries tell: the newest entry's update.</summary>
    public DateTime Updated => Entries.Count == 0 ? Since : Entries.Max(e => e.Updated);
}
