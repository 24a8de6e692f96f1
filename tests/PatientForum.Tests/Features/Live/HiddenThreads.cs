using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Live;

/// <summary>Threads to hide and the writing done in them, through the real forms, for the hidden-content live tests.</summary>
public static class HiddenThreads
{
    public sealed record Started(string Path, int Id, int OpeningPostId);

    public static async Task<Started> StartAsync(Member author, ForumFactory? instance = null)
    {
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Soon hidden {Guid.NewGuid():N}", "An opening post about my ward.");
        var id = Compose.ThreadId(path);
        await using var reader = await LiveClient.ConnectAsync(instance ?? ForumFactory.Of(author.Client));
        var opening = await reader.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), id, 0);
        return new Started(path, id, opening.Single().PostId);
    }

    /// <summary>Replies as <paramref name="member"/>; returns the new reply's id.</summary>
    public static async Task<int> ReplyAsync(Member member, Started thread, string text)
    {
        var page = await Compose.ReplyAsync(member, thread.Path, text);
        var id = page.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..];
        return int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ModeratorEditAsync(Member moderator, int postId, string body) =>
        await moderator.Client.SubmitAsync(await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/edit"), "form.composer",
            new Dictionary<string, string?> { ["Body"] = body, ["Reason"] = "Privacy" });
}
