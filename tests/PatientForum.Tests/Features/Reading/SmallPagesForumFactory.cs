using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Reading;

/// <summary>The forum with the smallest pages the options allow, so a dozen posts or threads span several pages.</summary>
public sealed class SmallPagesForumFactory : ForumFactory
{
    public const int PageSize = 5;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:PostsPerPage"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Forum:ThreadsPerPage"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
