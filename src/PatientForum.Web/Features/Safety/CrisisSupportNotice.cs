using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// Sends the author of a post with self-harm language to the crisis resources once, straight after posting. It travels
/// in TempData, so only the author's own next page reads it and reading it ends it: a reload, or anyone else opening
/// the address, goes on to the post instead.
/// </summary>
public sealed record CrisisSupportNotice(int PostId, string PostUrl)
{
    private const string PostKey = "CrisisSupportPost";
    private const string UrlKey = "CrisisSupportUrl";

    public void Keep(ITempDataDictionary tempData)
    {
        tempData[PostKey] = PostId;
        tempData[UrlKey] = PostUrl;
    }

    /// <summary>The notice kept for this request, if any; reading it ends it.</summary>
    public static CrisisSupportNotice? Take(ITempDataDictionary tempData) =>
        tempData[PostKey] is int postId && tempData[UrlKey] is string url ? new CrisisSupportNotice(postId, url) : null;
}
