namespace PatientForum.Web.Features.ContentWarnings;

/// <summary>
/// The one rule for every place that shows part of a post's text away from the post itself (search snippets, mail,
/// profile excerpts, page descriptions, feeds): a post with content warnings is never excerpted; the place shows
/// <see cref="ContentWarningCatalog.Notice"/> instead, or nothing.
/// </summary>
public static class PostExcerpts
{
    /// <summary>Whether a post carrying <paramref name="contentWarnings"/> (its stored keys) may be excerpted.</summary>
    public static bool MayExcerpt(string? contentWarnings) => string.IsNullOrWhiteSpace(contentWarnings);

    /// <summary>
    /// <paramref name="excerpt"/> made only when the post may be excerpted, otherwise the warning notice, so the
    /// warned text is never even computed into a string that could leak.
    /// </summary>
    public static string ExcerptOr(ContentWarningCatalog catalog, string? contentWarnings, Func<string> excerpt) =>
        MayExcerpt(contentWarnings) ? excerpt() : catalog.Notice(contentWarnings);
}
