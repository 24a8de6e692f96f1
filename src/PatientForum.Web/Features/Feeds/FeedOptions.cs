using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Feeds;

/// <summary>The <c>Forum:Feeds</c> section: how long the feeds are, and how the sitemap is cut into files.</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Forum:Feeds";

    /// <summary>Entries in each feed (the newest).</summary>
    [Range(5, 100, ErrorMessage = "Forum:Feeds:Items must be between 5 and 100.")]
    public int Items { get; set; } = 20;

    /// <summary>
    /// Thread addresses per sitemap file at most; 50,000 is the most the sitemap protocol allows a file. Threads are
    /// placed by id (file n holds ids from (n-1)×this+1 to n×this), so a thread stays in the same file as others come.
    /// </summary>
    [Range(1, 50_000, ErrorMessage = "Forum:Feeds:SitemapUrlsPerFile must be between 1 and 50000 (the sitemap protocol's limit).")]
    public int SitemapUrlsPerFile { get; set; } = 50_000;
}
