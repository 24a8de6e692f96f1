using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PatientForum.Web.Features.Notifications;

/// <summary>
/// What the author of a new post is told, under it, when it mentions more members than one post notifies. It travels
/// from the post's save to the page the author is sent to in TempData, so it is shown once, to the author alone.
/// </summary>
public sealed record MentionLimitNotice(int PostId, int Limit)
{
    private const string PostKey = "MentionLimitPost";
    private const string LimitKey = "MentionLimit";

    public string Text => Limit == 1
        ? "Only the first person you mentioned was notified."
        : string.Create(CultureInfo.InvariantCulture, $"Only the first {Limit} people you mentioned were notified.");

    /// <summary>What the composer says while the member writes more mentions than that (shown by wwwroot/js/composer.js).</summary>
    public static string WhileWriting(int limit) => limit == 1
        ? "Only the first person mentioned will be notified."
        : string.Create(CultureInfo.InvariantCulture, $"Only the first {limit} people mentioned will be notified.");

    public void Keep(ITempDataDictionary tempData)
    {
        tempData[PostKey] = PostId;
        tempData[LimitKey] = Limit;
    }

    /// <summary>The notice kept for this request's page, if any; reading it ends it.</summary>
    public static MentionLimitNotice? Take(ITempDataDictionary tempData) =>
        tempData[PostKey] is int postId && tempData[LimitKey] is int limit ? new MentionLimitNotice(postId, limit) : null;
}
