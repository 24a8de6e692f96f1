using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Search;

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>
/// What the reader asked for, already parsed; see <see cref="SearchQueryParser"/>. <paramref name="IncludeMembersOnly"/>
/// is whether the reader reads members-only threads (<see cref="Accounts.Viewer.ReadsMembersOnly"/>): without it no
/// post of one is matched, so neither its title nor a snippet of it can appear.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<SearchTerm> Terms, string? TopicSlug, string? Author, DateTime? From, DateTime? To, SearchSort Sort,
    bool IncludeHidden, int Page, int PageSize, bool IncludeMembersOnly = false)
{
    /// <summary>A query needs at least one term that must match; exclusions alone find nothing.</summary>
    public bool IsSearchable => Terms.Any(t => !t.Excluded);
}

/// <summary>A word, a "quoted phrase" or a prefix*, possibly -excluded.</summary>
public sealed record SearchTerm(string Text, bool IsPhrase, bool IsPrefix, bool Excluded);

/// <summary>
/// One hit. The snippet is HTML: user text encoded first, then only &lt;mark&gt; added. The badge is the author's
/// staff title, as on their posts. A post with <paramref name="ContentWarnings"/> has an empty snippet: the page shows
/// its warning instead (see <see cref="ContentWarnings.PostExcerpts"/>).
/// </summary>
public sealed record SearchHit(
    int PostId, int ThreadId, string ThreadTitle, string ThreadSlug, string TopicSlug, string TopicName, string AuthorName,
    DateTime CreatedAt, string SnippetHtml, PostState State, string? AuthorBadge = null, string? ContentWarnings = null, bool HasModeratorNote = false);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, bool HasMore);

/// <summary>The seam between the forum and a database's full-text engine: one class per provider.</summary>
public interface ISearchEngine
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>Rebuilds the whole index from the posts, for the <c>search rebuild</c> command.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);
}
