using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.DataExport.Sections;

/// <summary>
/// One file of a member's export (posts.json, drafts.json…) and its part of index.html. A new kind of data is one more
/// class registered in <see cref="DataExportFeature"/>; the archive writes whatever sections there are, in that order.
/// Rows are read as a stream (no tracking, in a fixed order), so a member with years of posts does not fill memory.
/// </summary>
public interface IExportSection
{
    /// <summary>The file's name in the ZIP, e.g. posts.json.</summary>
    string FileName { get; }

    /// <summary>The heading in index.html.</summary>
    string Title { get; }

    /// <summary>True when the file holds one object (the account) rather than a list.</summary>
    bool IsSingle => false;

    /// <summary>The rows: records, written as JSON and shown in index.html field by field.</summary>
    IAsyncEnumerable<object> RowsAsync(ExportSubject subject, CancellationToken cancellationToken);
}

/// <summary>Whose data an export holds, and how its links are made (absolute, on Forum:PublicUrl).</summary>
public sealed record ExportSubject(string UserId, string PublicUrl)
{
    public string Link(string path) => ForumUrls.Absolute(PublicUrl, path);

    public static ExportSubject For(string userId, ForumOptions forum) => new(userId, forum.PublicUrl);
}
