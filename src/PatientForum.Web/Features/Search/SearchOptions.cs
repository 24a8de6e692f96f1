using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Search;

/// <summary>The <c>Forum:Search</c> section. The per-address limit on searches is Forum:RateLimits:SearchesPerMinute.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Forum:Search";

    /// <summary>
    /// How long one search may run in the database before it is stopped and the reader is asked for fewer words:
    /// search is open to everyone, and a query that ties up the database slows every page.
    /// </summary>
    [Range(100, 60_000, ErrorMessage = "Forum:Search:TimeoutMilliseconds must be between 100 and 60000.")]
    public int TimeoutMilliseconds { get; set; } = 3000;
}
