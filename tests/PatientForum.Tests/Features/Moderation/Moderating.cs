using PatientForum.Tests.Features.Security;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>Flags and moderator actions through the real forms.</summary>
public static class Moderating
{
    /// <summary>
    /// A confirmed member who joined a month ago: past the new-member period, so their flag counts toward auto-hide.
    /// </summary>
    public static async Task<Member> EstablishedMemberAsync(ForumFactory factory)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await FirstDayPosts.AgeAsync(factory, member, TimeSpan.FromDays(30));
        return member;
    }

    public static async Task<ForumClient.Page> FlagAsync(Member member, int postId, string reason = "Spam", string? note = null)
    {
        var form = await member.Client.GetOkAsync($"/posts/{postId}/flag");
        return await member.Client.SubmitAsync(form, $"form[action='/posts/{postId}/flag']", new Dictionary<string, string?>
        {
            ["Reason"] = reason,
            ["Note"] = note,
        });
    }

    /// <summary>Clicks keep, hide, restore or delete on the post's moderation page, with a reason.</summary>
    public static async Task<ForumClient.Page> ActAsync(Member moderator, int postId, string action, string reason)
    {
        var page = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}");
        return await moderator.Client.SubmitAsync(page, $"form[action^='/moderation/posts/{postId}/{action}']", new Dictionary<string, string?> { ["Reason"] = reason });
    }

    public static async Task<ForumClient.Page> ThreadActAsync(Member moderator, int threadId, string action, string reason, string? topicId = null)
    {
        var page = await moderator.Client.GetOkAsync($"/moderation/threads/{threadId}");
        return await moderator.Client.SubmitAsync(page, $"form[action='/moderation/threads/{threadId}/{action}']",
            new Dictionary<string, string?> { ["Reason"] = reason, ["topicId"] = topicId });
    }

    /// <summary>A thread with one reply by <paramref name="author"/>; returns the thread path and the reply's id.</summary>
    public static async Task<(string Path, int ReplyId)> ThreadWithReplyAsync(Member author, string replyText, string topic = "rehab")
    {
        var path = await Compose.StartThreadPathAsync(author, topic, $"Moderation thread {Guid.NewGuid():N}", "An opening post.");
        var page = await Compose.ReplyAsync(author, path, replyText);
        var id = page.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..];
        return (path, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The text of post <paramref name="postId"/> as <paramref name="client"/> sees the thread.</summary>
    public static async Task<string> PostTextAsync(ForumClient client, string threadPath, int postId)
    {
        var page = await client.GetOkAsync(threadPath);
        return page.Document.QuerySelector($"#post-{postId}")?.TextContent ?? "";
    }
}
