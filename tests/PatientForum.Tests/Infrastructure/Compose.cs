namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// Starts threads and replies through the real compose forms. Every body is planted as a secret
/// (<see cref="Canaries"/>): post bodies are members' health stories, which the logs must never hold.
/// </summary>
public static class Compose
{
    public const string NewThreadForm = "form.composer";
    public const string ReplyForm = "form.composer";

    public static async Task<ForumClient.Page> StartThreadAsync(Member member, string topicSlug, string title, string body)
    {
        var form = await member.Client.GetOkAsync($"/t/{topicSlug}/new");
        return await member.Client.SubmitAsync(form, NewThreadForm, new Dictionary<string, string?> { ["Title"] = title, ["Body"] = Canaries.PlantText("post body", body) });
    }

    /// <summary>Starts a thread and returns its canonical path, e.g. /threads/12/my-title.</summary>
    public static async Task<string> StartThreadPathAsync(Member member, string topicSlug, string title, string body)
    {
        var page = await StartThreadAsync(member, topicSlug, title, body);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.StartsWith("/threads/", page.Url, StringComparison.Ordinal);
        return page.Url;
    }

    public static async Task<ForumClient.Page> ReplyAsync(Member member, string threadPath, string body)
    {
        var thread = await member.Client.GetOkAsync(threadPath);
        return await member.Client.SubmitAsync(thread, ReplyForm, new Dictionary<string, string?> { ["Body"] = Canaries.PlantText("post body", body) });
    }

    /// <summary>The id in a /threads/{id}/… path.</summary>
    public static int ThreadId(string threadPath) => int.Parse(threadPath.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
}
