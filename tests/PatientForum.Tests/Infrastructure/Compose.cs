namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// Starts threads and replies through the real compose forms. Every body is planted as a secret
/// (<see cref="Canaries"/>): post bodies are members' health stories, which the logs must never hold.
/// </summary>
public static class Compose
{
    public const string NewThreadForm = "form.composer";
    public const string ReplyForm = "form.composer";

    /// <summary>Starts a thread; <paramref name="asStaff"/> ticks "post as staff", which staff members see on the form.</summary>
    public static async Task<ForumClient.Page> StartThreadAsync(Member member, string topicSlug, string title, string body, bool asStaff = false)
    {
        var form = await member.Client.GetOkAsync($"/t/{topicSlug}/new");
        return await BackToThePostAsync(member, await PostAnywayAsync(member, NewThreadForm, await member.Client.SubmitAsync(
            form, NewThreadForm, new Dictionary<string, string?> { ["Title"] = title, ["Body"] = Canaries.PlantText("post body", body), ["AsStaff"] = StaffChoice(form, asStaff) })));
    }

    /// <summary>Starts a thread and returns its canonical path, e.g. /threads/12/my-title.</summary>
    public static async Task<string> StartThreadPathAsync(Member member, string topicSlug, string title, string body, bool asStaff = false)
    {
        var page = await StartThreadAsync(member, topicSlug, title, body, asStaff);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.StartsWith("/threads/", page.Url, StringComparison.Ordinal);
        return page.Url;
    }

    public static async Task<ForumClient.Page> ReplyAsync(Member member, string threadPath, string body, bool asStaff = false)
    {
        var thread = await member.Client.GetOkAsync(threadPath);
        return await BackToThePostAsync(member, await PostAnywayAsync(member, ReplyForm, await member.Client.SubmitAsync(
            thread, ReplyForm, new Dictionary<string, string?> { ["Body"] = Canaries.PlantText("post body", body), ["AsStaff"] = StaffChoice(thread, asStaff) })));
    }

    /// <summary>"true" to tick the form's "post as staff" box, which must be there (only staff see it); null to leave it.</summary>
    private static string? StaffChoice(ForumClient.Page form, bool asStaff)
    {
        if (!asStaff)
        {
            return null;
        }
        Assert.NotNull(form.Document.QuerySelector($"{ReplyForm} input[type=checkbox][name='AsStaff']"));
        return "true";
    }

    /// <summary>
    /// A post with personal information in it (a phone number, an address) is shown again with a warning; these
    /// helpers answer it as a member who means it does, with "Post anyway" (PostingWarningTests tests the warning
    /// itself). A form refused for anything else is returned as it is.
    /// </summary>
    private static async Task<ForumClient.Page> PostAnywayAsync(Member member, string formSelector, ForumClient.Page page) =>
        page.Status == System.Net.HttpStatusCode.UnprocessableEntity
        && page.Document.QuerySelector("input[name='PostAnyway']:not([disabled])") is not null
        && page.Document.QuerySelector(".field-error, .refusal") is null
            ? await member.Client.SubmitAsync(page, formSelector, new Dictionary<string, string?> { ["PostAnyway"] = "true" })
            : page;

    /// <summary>
    /// A post with self-harm language sends its author to the crisis resources first (see CrisisRoutingTests); from
    /// there they follow the link back to their post, as these helpers do, so a caller lands on the thread either way.
    /// </summary>
    private static async Task<ForumClient.Page> BackToThePostAsync(Member member, ForumClient.Page page) =>
        page.Url.StartsWith("/posting/support", StringComparison.Ordinal)
        && page.Document.QuerySelector("main a.button")?.GetAttribute("href") is { } back
            ? await member.Client.GetOkAsync(back)
            : page;

    /// <summary>The id in a /threads/{id}/… path.</summary>
    public static int ThreadId(string threadPath) => int.Parse(threadPath.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
}
