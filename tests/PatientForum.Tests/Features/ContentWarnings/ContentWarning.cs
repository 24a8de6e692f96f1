using AngleSharp.Dom;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ContentWarnings;

/// <summary>Warned posts written and read through the real forms and pages.</summary>
public static class ContentWarning
{
    /// <summary>Starts a thread whose opening post carries <paramref name="warning"/>, ticked in the composer.</summary>
    public static async Task<string> StartWarnedThreadAsync(Member author, string topicSlug, string title, string body, string warning)
    {
        var form = await author.Client.GetOkAsync($"/t/{topicSlug}/new");
        Assert.NotNull(form.Document.QuerySelector($"form.composer fieldset input[type=checkbox][name=ContentWarnings][value='{warning}']"));
        var page = await author.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?>
        {
            ["Title"] = title, ["Body"] = Canaries.PlantText("post body", body), ["ContentWarnings"] = warning,
        });
        Assert.StartsWith("/threads/", page.Url, StringComparison.Ordinal);
        return page.Url;
    }

    /// <summary>Replies with <paramref name="warning"/> ticked in the reply box of the thread page.</summary>
    public static async Task<ForumClient.Page> WarnedReplyAsync(Member author, string threadPath, string body, string warning)
    {
        var thread = await author.Client.GetOkAsync(threadPath);
        return await author.Client.SubmitAsync(thread, Compose.ReplyForm, new Dictionary<string, string?>
        {
            ["Body"] = Canaries.PlantText("post body", body), ["ContentWarnings"] = warning,
        });
    }

    /// <summary>The post's warning box on a thread page, or null when the post is not warned.</summary>
    public static IElement? Box(ForumClient.Page page, int postId) => page.Document.QuerySelector($"#post-{postId} details.content-warning");
}
